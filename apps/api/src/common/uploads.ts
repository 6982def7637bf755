/** 20 MB per upload, one file: beyond that multer stops reading and the filter answers 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 };
