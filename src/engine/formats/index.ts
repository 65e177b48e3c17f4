// Document formats: pure functions from file contents to Documents and back.
export { type Document, FormatError } from './document';
export { EntityTypeMapper, DEFAULT_TYPE_MAP, canonicalEntityType, parseTypeMap, parseEntityTypes, type TypeMap } from './entity-type-map';
export { readPubTator, writePubTator } from './pubtator';
export { readBrat, writeBratAnn } from './brat';
export { readBioC, writeBioC, type BioCWriteOptions } from './bioc';
export { readJsonl, writeJsonl } from './jsonl';
export { readConll, writeConll, type ConllReadOptions } from './conll';
