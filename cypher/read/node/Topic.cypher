// read/node/Topic: the fields of a Topic row (TopicRow, src/repositories/topics.ts)
.id, .name, .code, .scheme
