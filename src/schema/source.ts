import { SourceRef } from './refs.js';

SourceRef.implement({
  description: 'Where facts came from: a profile page, an OpenAlex snapshot, a conference list.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    name: t.exposeString('name'),
  }),
});
