// read/node/IdentityDecision: the fields of an IdentityDecision row (IdentityDecisionRow,
// src/repositories/identity.ts): `d {%IdentityDecision%}`
.id, .decision, .by, at: toString(this.at), .authorIds, .names, .reason
