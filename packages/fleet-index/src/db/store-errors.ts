/** The store cannot be reached (a PostgreSQL server down, a connection refused); retry later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** The store holds something this version cannot use (a newer schema); an operator must act. */
export class StoreIncompatibleError extends Error {
  override readonly name = 'StoreIncompatibleError';
}
