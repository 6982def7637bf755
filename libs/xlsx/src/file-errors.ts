/** A file that cannot be read as what it claims to be (corrupt, wrong format): its message is for the user. */
export class UnreadableFileError extends Error {}
