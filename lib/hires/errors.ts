/** A failure whose message is written for the person (the intent server shows it as it is). */
export class PublicError extends Error {
  constructor(readonly publicMessage: string) {
    super(publicMessage);
  }
}
