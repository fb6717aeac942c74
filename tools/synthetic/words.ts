import type { Random } from './random.js';

// Word lists. Names include accents (and a few forms that fold to the same key) on purpose.
export const FIRST_NAMES = [
  'Ada', 'Aiko', 'Alejandro', 'Amara', 'Ana', 'Anders', 'Andrés', 'Anja', 'Arjun', 'Aylin', 'Baixu', 'Beatriz',
  'Benoît', 'Björn', 'Camille', 'Carlos', 'Chen', 'Chloé', 'Chidi', 'Daniel', 'Dário', 'David', 'Deepika', 'Elena',
  'Elif', 'Émile', 'Emma', 'Fatima', 'Felipe', 'François', 'Gabriel', 'Giulia', 'Hana', 'Hannah', 'Hao', 'Helga',
  'Hiroshi', 'Ian', 'Inès', 'Ingrid', 'Ioana', 'Isabel', 'Ivan', 'Jakub', 'James', 'Jia', 'Jiří', 'João',
  'Jonas', 'José', 'Julia', 'Jürgen', 'Kaito', 'Katalin', 'Kenji', 'Kofi', 'Lars', 'Laura', 'Lei', 'Léa',
  'Li', 'Lina', 'Łukasz', 'Maria', 'María', 'Mateo', 'Matteo', 'Mei', 'Mehmet', 'Mia', 'Mikael', 'Ming',
  'Mohammed', 'Nadia', 'Naoki', 'Nikolai', 'Nina', 'Noah', 'Olga', 'Omar', 'Oscar', 'Paula', 'Pedro', 'Pieter',
  'Priya', 'Qing', 'Rafael', 'Rahul', 'Ravi', 'Renée', 'Rui', 'Saanvi', 'Sara', 'Sebastián', 'Seo-yeon', 'Shreya',
  'Siobhán', 'Sofia', 'Søren', 'Stefan', 'Sven', 'Takumi', 'Tariq', 'Thomas', 'Tomás', 'Valentina', 'Vikram', 'Wei',
  'Xavier', 'Xin', 'Yan', 'Yara', 'Yuki', 'Yusuf', 'Zainab', 'Zhang', 'Zoë', 'Zoltán',
];
export const LAST_NAMES = [
  'Abe', 'Adeyemi', 'Almeida', 'Andersen', 'Bauer', 'Becker', 'Bergström', 'Bianchi', 'Brown', 'Byrne', 'Çelik', 'Chen',
  'Cohen', 'Costa', 'Dąbrowski', 'Dang', 'Davies', 'Demir', 'Dubois', 'Dvořák', 'Eriksson', 'Esposito', 'Fernández', 'Fischer',
  'Fontaine', 'García', 'Gómez', 'Gonçalves', 'Gupta', 'Hansen', 'Hernández', 'Horváth', 'Huang', 'Ivanov', 'Jansen', 'Jiang',
  'Johansson', 'Jones', 'Kaya', 'Khan', 'Kim', 'Kobayashi', 'Kovačević', 'Kowalski', 'Kumar', 'Lambert', 'Larsen', 'Lefèvre',
  'Lehmann', 'Li', 'Lin', 'Liu', 'López', 'Lund', 'Ma', 'Martin', 'Martínez', 'Meier', 'Mendes', 'Moreau',
  'Müller', 'Murphy', 'Nakamura', 'Nguyễn', 'Nielsen', 'Novák', 'Núñez', "O'Brien", 'Ó Briain', 'Okafor', 'Olsen', 'Østergaard',
  'Özdemir', 'Pan', 'Papadopoulos', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe', 'Rahman', 'Ramírez', 'Reddy',
  'Ribeiro', 'Rossi', 'Russo', 'Saito', 'Sánchez', 'Santos', 'Šimić', 'Singh', 'Smith', 'Söderström', 'Sørensen', 'Suzuki',
  'Szabó', 'Tanaka', 'Taylor', 'Tran', 'Van Dijk', 'Varga', 'Vogel', 'Wagner', 'Wang', 'Watanabe', 'Weber', 'Williams',
  'Wójcik', 'Wu', 'Xu', 'Yamamoto', 'Yang', 'Yılmaz', 'Yoshida', 'Zhang', 'Zhao', 'Zhou', 'Zieliński', 'Zimmermann',
];
export const INITIALS = [...'ABCDEFGHIJKLMNOPRSTUVWYZ'];
export const ROR_CHARACTERS = [...'0123456789abcdefghjkmnpqrstvwxyz'];
export const PLACE_STARTS = ['Al', 'Bel', 'Cor', 'Dun', 'El', 'Fen', 'Gal', 'Har', 'Ist', 'Jor', 'Kel', 'Lin', 'Mar', 'Nor', 'Or', 'Pal', 'Quen', 'Ros', 'Sal', 'Tor', 'Ul', 'Val', 'Wes', 'Yar', 'Zan'];
export const PLACE_MIDDLES = ['', 'a', 'e', 'i', 'o', 'ar', 'en', 'or', 'is'];
export const PLACE_ENDS = ['ford', 'mont', 'haven', 'bury', 'dale', 'field', 'gate', 'holm', 'mere', 'stad', 'ton', 'vik', 'wick', 'burg', 'port', 'ridge'];
export const ORGANIZATION_FORMS = ['University of #', '# Institute of Technology', '# Research Institute', '# University', '# Polytechnic', 'Institute for Computing, #'];
export const COUNTRIES = ['US', 'CN', 'GB', 'DE', 'FR', 'JP', 'CA', 'IN', 'KR', 'IT', 'ES', 'NL', 'CH', 'SE', 'AU', 'BR', 'IL', 'SG', 'DK', 'PL', 'CZ', 'PT', 'TR', 'FI', 'NO', 'AT', 'BE', 'IE', 'GR', 'MX'];
export const COUNTRY_WEIGHTS = COUNTRIES.map((_, i) => (i < 2 ? 8 : i < 6 ? 4 : i < 12 ? 2 : 1));
export const TOPICS: readonly (readonly [string, string])[] = [
  ['ai', 'Artificial Intelligence'], ['ml', 'Machine Learning'], ['cv', 'Computer Vision'], ['nlp', 'Natural Language Processing'],
  ['rl', 'Reinforcement Learning'], ['ir', 'Information Retrieval'], ['db', 'Databases'], ['dc', 'Distributed Computing'],
  ['pl', 'Programming Languages'], ['se', 'Software Engineering'], ['cr', 'Cryptography and Security'], ['hci', 'Human-Computer Interaction'],
  ['ro', 'Robotics'], ['gt', 'Game Theory'], ['ds', 'Data Structures and Algorithms'], ['cc', 'Computational Complexity'],
  ['lo', 'Logic in Computer Science'], ['ni', 'Networking'], ['os', 'Operating Systems'], ['ar', 'Hardware Architecture'],
  ['gr', 'Graphics'], ['sd', 'Sound'], ['mm', 'Multimedia'], ['si', 'Social and Information Networks'],
  ['cy', 'Computers and Society'], ['dl', 'Digital Libraries'], ['et', 'Emerging Technologies'], ['ma', 'Multiagent Systems'],
  ['ne', 'Neural and Evolutionary Computing'], ['na', 'Numerical Analysis'], ['sc', 'Symbolic Computation'], ['fl', 'Formal Languages'],
  ['cg', 'Computational Geometry'], ['dm', 'Discrete Mathematics'], ['it', 'Information Theory'], ['sy', 'Systems and Control'],
  ['bio', 'Computational Biology'], ['qc', 'Quantum Computing'], ['st', 'Statistics Theory'], ['ce', 'Computational Engineering'],
];
export const VENUES = [
  'Conference on Synthetic Learning', 'Journal of Generated Results', 'Symposium on Imaginary Systems', 'Workshop on Plausible Data',
  'Transactions on Simulated Computing', 'International Conference on Mock Intelligence', 'Journal of Fabricated Graphs',
  'Symposium on Seeded Algorithms', 'Conference on Reproducible Randomness', 'Letters in Deterministic Science',
  'Annals of Placeholder Research', 'Proceedings of the Test Fixture Society', 'Journal of Benchmark Studies',
  'Conference on Scalable Fictions', 'Workshop on Untrained Models', 'Review of Sample Theory',
];
export const ADJECTIVES = ['Scalable', 'Robust', 'Efficient', 'Provable', 'Adaptive', 'Hierarchical', 'Sparse', 'Interpretable', 'Unified', 'Lightweight', 'Distributed', 'Private', 'Fast', 'Stable', 'Principled', 'Modular', 'Incremental', 'Generalized', 'Calibrated', 'Structured'];
export const METHODS = [
  'Contrastive Pretraining', 'Graph Neural Networks', 'Sparse Attention', 'Diffusion Models', 'Bayesian Optimization', 'Federated Learning',
  'Knowledge Distillation', 'Meta-Learning', 'Active Learning', 'Variational Inference', 'Transformers', 'Mixture of Experts',
  'Spectral Methods', 'Random Features', 'Program Synthesis', 'Symbolic Regression', 'Kernel Methods', 'Low-Rank Adaptation',
  'Curriculum Learning', 'Self-Supervision', 'Energy-Based Models', 'Neural Fields', 'Causal Discovery', 'Differential Privacy',
  'Model Checking', 'Learned Indexes', 'Vector Quantization', 'Dynamic Programming', 'Locality-Sensitive Hashing', 'Streaming Sketches',
  'Message Passing', 'Normalizing Flows', 'Policy Gradients', 'Monte Carlo Tree Search', 'Optimal Transport', 'Reservoir Computing',
  'Gaussian Processes', 'Hypergraph Models', 'Equivariant Networks', 'Retrieval Augmentation',
];
export const TASKS = [
  'Domain Adaptation', 'Link Prediction', 'Entity Resolution', 'Anomaly Detection', 'Question Answering', 'Image Segmentation',
  'Query Optimization', 'Code Generation', 'Time Series Forecasting', 'Recommendation', 'Motion Planning', 'Speech Recognition',
  'Protein Folding', 'Author Disambiguation', 'Citation Recommendation', 'Traffic Prediction', 'Fault Localization', 'Intrusion Detection',
  'Machine Translation', 'Object Tracking', 'Community Detection', 'Graph Matching', 'Data Cleaning', 'Load Balancing',
  'Job Scheduling', 'Data Compression', 'Summarization', 'Visual Reasoning', 'Molecule Generation', 'Weather Modeling',
  'Text Classification', 'Few-Shot Learning', 'Continual Learning', 'Tabular Prediction', 'Point Cloud Registration', 'Program Repair',
  'Theorem Proving', 'Fair Ranking', 'Multi-Task Learning', 'Clinical Prediction',
];
export const DOMAINS = [
  'Healthcare', 'Finance', 'Scientific Literature', 'Social Networks', 'Autonomous Driving', 'E-Commerce', 'Low-Resource Languages',
  'Edge Devices', 'Satellite Imagery', 'Legal Documents', 'Education', 'Energy Systems', 'Genomics', 'Manufacturing', 'Climate Data',
  'Cloud Platforms', 'Video Streams', 'Knowledge Graphs', 'Robot Fleets', 'Open Source Software',
];
export const QUALITIES = ['Limits', 'Convergence', 'Robustness', 'Sample Complexity', 'Generalization', 'Stability', 'Expressivity'];
export const TITLE_FORMS = [
  (r: Random) => `${r.pick(ADJECTIVES)} ${r.pick(METHODS)} for ${r.pick(TASKS)}`,
  (r: Random) => `On the ${r.pick(QUALITIES)} of ${r.pick(METHODS)} in ${r.pick(TASKS)}`,
  (r: Random) => `Towards ${r.pick(ADJECTIVES)} ${r.pick(TASKS)} with ${r.pick(METHODS)}`,
  (r: Random) => `${r.pick(METHODS)} Meets ${r.pick(TASKS)}`,
  (r: Random) => `Rethinking ${r.pick(TASKS)} through ${r.pick(METHODS)}`,
];
