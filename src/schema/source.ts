import { SourceRef } from './refs.js';

SourceRef.implement({
  description: 'Where facts came from: a profile page, an OpenAlex snapshot, a conference list.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The source's own id, e.g. source:profile-baixu-chen." }),
    kind: t.exposeString('kind', { description: 'What kind of source: researcher-profile, openalex, conference-paper-list, api or synthetic.' }),
    name: t.exposeString('name', { description: 'A readable name for it.' }),
  }),
});
