/**
 * Well-known institutions the paper lists spell many ways: one canonical name each, with the
 * spellings and acronyms that mean it and nothing else. The general rules (identity.ts: case,
 * accents, "The", "Univ.", "&", a parenthesised acronym) already join most spellings; this table
 * is for what no rule can know, that "CMU" is Carnegie Mellon University or that "UC Berkeley"
 * is the University of California's Berkeley campus.
 *
 * Adding an entry: the canonical name first (as the institution writes it), then every variant
 * seen in real affiliation strings. A variant must mean this one institution everywhere: never
 * list an acronym two institutions share, nor a campus under its system ("UCLA" is not
 * "UC Berkeley"; "Washington University in St. Louis" is not "University of Washington").
 * `partOf` makes the entry a unit of another entry (PART_OF in the graph): only where the
 * institution itself says it is one (Google Research is a part of Google). Google DeepMind has
 * no `partOf` on purpose: the lists name it as an organization of its own, and papers naming
 * it do not name Google.
 * Variants are matched after the general folding (identity.ts institutionKey), so "ETH Zürich"
 * and "ETH Zurich" need one line, and case does not matter.
 */
export interface KnownInstitution {
  name: string;
  variants: string[];
  partOf?: string;
  /** Spellings that mean it only as the whole affiliation: elsewhere they are its city ("..., Berkeley, CA"). */
  alone?: string[];
}

export const KNOWN_INSTITUTIONS: KnownInstitution[] = [
  { name: 'University of California, Berkeley', variants: ['UC Berkeley', 'U.C. Berkeley', 'UCB', 'University of California Berkeley', 'University of California at Berkeley', 'Berkeley University', 'University of Berkeley', 'Univ. of California, Berkeley', 'BAIR', 'Berkeley AI Research'], alone: ['Berkeley'] },
  { name: 'University of California, Los Angeles', variants: ['UCLA', 'UC Los Angeles', 'University of California Los Angeles', 'University of California at Los Angeles'] },
  { name: 'University of California, San Diego', variants: ['UCSD', 'UC San Diego', 'University of California San Diego', 'University of California at San Diego'] },
  { name: 'University of California, Irvine', variants: ['UCI', 'UC Irvine', 'University of California Irvine'] },
  { name: 'University of California, Santa Barbara', variants: ['UCSB', 'UC Santa Barbara', 'University of California Santa Barbara'] },
  { name: 'University of California, Davis', variants: ['UC Davis', 'University of California Davis'] },
  { name: 'University of California, Santa Cruz', variants: ['UCSC', 'UC Santa Cruz', 'University of California Santa Cruz'] },
  { name: 'University of California, Riverside', variants: ['UCR', 'UC Riverside', 'University of California Riverside'] },
  { name: 'University of California, San Francisco', variants: ['UCSF', 'UC San Francisco', 'University of California San Francisco'] },
  { name: 'University of California, Merced', variants: ['UC Merced', 'University of California Merced'] },
  { name: 'Carnegie Mellon University', variants: ['CMU', 'Carnegie-Mellon University', 'Carnegie Mellon'] },
  { name: 'Massachusetts Institute of Technology', variants: ['MIT', 'M.I.T.', 'MIT CSAIL', 'CSAIL'] },
  { name: 'Stanford University', variants: [], alone: ['Stanford'] },
  { name: 'ETH Zurich', variants: ['ETH', 'ETHZ', 'ETH Zürich', 'Swiss Federal Institute of Technology Zurich', 'Eidgenössische Technische Hochschule Zürich', 'ETH Zuerich'] },
  { name: 'EPFL', variants: ['École Polytechnique Fédérale de Lausanne', 'Ecole Polytechnique Federale de Lausanne', 'Swiss Federal Institute of Technology Lausanne', 'EPF Lausanne'] },
  { name: 'Korea Advanced Institute of Science and Technology', variants: ['KAIST', 'Korea Advanced Institue of Science and Technology'] },
  { name: 'New York University', variants: ['NYU'] },
  { name: 'Hong Kong University of Science and Technology', variants: ['HKUST', 'Hong Kong University of Science & Technology'] },
  { name: 'Hong Kong University of Science and Technology (Guangzhou)', variants: ['HKUST (Guangzhou)', 'HKUST(GZ)', 'HKUST-GZ', 'HKUST Guangzhou'] },
  { name: 'University of Science and Technology of China', variants: ['USTC'] },
  { name: 'Shanghai Jiao Tong University', variants: ['SJTU', 'Shanghai Jiaotong University', 'Shanghai Jiao-Tong University'] },
  { name: 'Tsinghua University', variants: ['Tsinghua', 'THU', 'Tsinghua Univeristy'] },
  { name: 'Peking University', variants: ['PKU', 'Peking Univeristy', 'Beijing University'] },
  { name: 'Chinese Academy of Sciences', variants: ['CAS'] },
  { name: 'University of Chinese Academy of Sciences', variants: ['UCAS'] },
  { name: 'Chinese University of Hong Kong', variants: ['CUHK'] },
  { name: 'National University of Singapore', variants: ['NUS'] },
  { name: 'Nanyang Technological University', variants: ['NTU Singapore', 'Nanyang Technological University Singapore'] },
  { name: 'University of Illinois Urbana-Champaign', variants: ['UIUC', 'University of Illinois at Urbana-Champaign', 'University of Illinois Urbana Champaign', 'University of Illinois, Urbana-Champaign', 'University of Illinois at Urbana Champaign'] },
  { name: 'University of Texas at Austin', variants: ['UT Austin', 'University of Texas, Austin', 'University of Texas Austin'] },
  { name: 'University of Washington', variants: ['University of Washington, Seattle', 'University of Washington Seattle'] },
  { name: 'Washington University in St. Louis', variants: ['WashU', 'WUSTL', 'Washington University in Saint Louis', 'Washington University St. Louis'] },
  { name: 'Georgia Institute of Technology', variants: ['Georgia Tech', 'GaTech'] },
  { name: 'California Institute of Technology', variants: ['Caltech'] },
  { name: 'University of Oxford', variants: ['Oxford University'], alone: ['Oxford'] },
  { name: 'University of Cambridge', variants: ['Cambridge University'] },
  { name: 'University College London', variants: ['UCL'] },
  { name: 'University of Tübingen', variants: ['Eberhard Karls University of Tübingen', 'Universität Tübingen', 'Eberhard Karls Universität Tübingen', 'Tübingen University'] },
  { name: 'Technical University of Munich', variants: ['TUM', 'TU Munich', 'Technische Universität München', 'TU München'] },
  { name: 'Mila', variants: ['MILA', 'Mila - Quebec AI Institute', 'Mila Quebec AI Institute', 'Mila-Quebec AI Institute', 'Quebec AI Institute', 'Montreal Institute for Learning Algorithms', 'Mila - Québec AI Institute'] },
  { name: 'Université de Montréal', variants: ['University of Montreal', 'Universite de Montreal'] },
  { name: 'Google', variants: ['Google Inc.', 'Google LLC', 'Google Inc'] },
  { name: 'Google Research', variants: ['Google AI', 'Google Research, Brain Team'], partOf: 'Google' },
  { name: 'Google Brain', variants: ['Brain Team, Google Research', 'Google Brain Team'], partOf: 'Google' },
  { name: 'Google DeepMind', variants: ['DeepMind', 'DeepMind Technologies'] },
  { name: 'Microsoft', variants: ['Microsoft Corporation', 'Microsoft Corp.', 'Microsoft Inc.'] },
  { name: 'Microsoft Research', variants: ['MSR', 'Microsoft Research AI', 'Microsoft Research Lab'], partOf: 'Microsoft' },
  { name: 'Microsoft Research Asia', variants: ['MSRA', 'Microsoft Research, Asia'], partOf: 'Microsoft' },
  { name: 'Meta', variants: ['Meta Facebook', 'Facebook', 'Meta Platforms', 'Meta Inc.', 'Facebook Inc.', 'Meta Platforms Inc.'] },
  { name: 'Meta AI', variants: ['FAIR', 'Facebook AI Research', 'Facebook AI', 'Meta AI Research', 'Meta FAIR', 'FAIR, Meta AI', 'Meta Fundamental AI Research', 'Facebook AI Research (FAIR)'], partOf: 'Meta' },
  { name: 'Amazon', variants: ['Amazon.com', 'Amazon Inc.', 'Amazon.com Inc.'] },
  { name: 'NVIDIA', variants: ['Nvidia', 'NVIDIA Corporation', 'NVIDIA Research'] },
  { name: 'IBM Research', variants: ['IBM Research AI', 'IBM T.J. Watson Research Center', 'IBM Thomas J. Watson Research Center'], partOf: 'IBM' },
  { name: 'IBM', variants: ['IBM Corporation'] },
  { name: 'Alibaba Group', variants: ['Alibaba', 'Alibaba Inc.'] },
  { name: 'Huawei', variants: ['Huawei Technologies', 'Huawei Technologies Co., Ltd.', 'Huawei Technologies Co. Ltd.', 'Huawei Technologies Ltd.', 'Huawei Inc.'] },
  { name: 'Tencent', variants: ['Tencent Inc.', 'Tencent Holdings'] },
  { name: 'OpenAI', variants: [] },
  // Its digit is part of its name, not a footnote number (segments.ts).
  { name: 'Indiana University–Purdue University Indianapolis', variants: ['IUPUI', 'Indiana University - Purdue University Indianapolis', 'Indiana University Purdue University Indianapolis'] },
  { name: '4Paradigm', variants: ['4Paradigm Inc.', '4Paradigm Inc'] },
];
