import type { FieldError } from '@sinergi/contracts';
import { AnyErrorCode, ApiError } from './api-error';
import type { Lang } from './i18n';

/**
 * One message per stable error code, in both languages. Typed as a Record over every code of
 * `@sinergi/contracts`, so a code added there fails the build until it has a message here.
 */
export const ERROR_MESSAGES: Record<AnyErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: {
    id: 'Ada isian yang belum benar. Periksa kolom yang ditandai.',
    en: 'Some fields are not valid. Check the marked fields.',
  },
  UNAUTHENTICATED: {
    id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'Your session has ended. Please sign in again.',
  },
  FORBIDDEN: {
    id: 'Anda tidak memiliki akses untuk tindakan ini.',
    en: 'You do not have access to do this.',
  },
  NOT_FOUND: {
    id: 'Data yang dicari tidak ditemukan.',
    en: 'The requested data was not found.',
  },
  CONFLICT: {
    id: 'Data ini telah diubah oleh orang lain atau tidak dapat diproses pada tahap ini. Muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else changed this data, or it cannot be processed at this step. Reload and make your change again.',
  },
  PAYLOAD_TOO_LARGE: {
    id: 'Berkas atau data yang dikirim terlalu besar.',
    en: 'The file or data sent is too large.',
  },
  TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  INSUFFICIENT_FUNDS: {
    id: 'Saldo dana tidak mencukupi.',
    en: 'The available balance is not sufficient.',
  },
  UNKNOWN_BUDGET_CODE: {
    id: 'Kode anggaran tidak dikenal dalam katalog.',
    en: 'The budget code is not in the catalogue.',
  },
  IMPORT_INVALID: {
    id: 'Berkas tidak dapat diimpor. Perbaiki baris yang disebutkan lalu unggah kembali.',
    en: 'The file cannot be imported. Fix the rows listed and upload it again.',
  },
  SHARE_EXCEEDS_LINE: {
    id: 'Bagian yang ditandai melebihi nilai baris anggaran. Kurangi persentase atau nilainya.',
    en: 'The tagged parts exceed the budget line. Lower the percentage or the amount.',
  },
  STAGE_OUT_OF_ORDER: {
    id: 'Tahap anggaran ini lebih awal dari tahap yang sudah tercatat untuk baris ini.',
    en: 'This budget stage is earlier than the stage already recorded for this line.',
  },
  NO_APBDES: {
    id: 'Kelurahan tidak memiliki APBDes; anggarannya ada di APBD kabupaten/kota.',
    en: 'A kelurahan has no village budget (APBDes); its money is in the regency budget.',
  },
  INTERNAL_ERROR: {
    id: 'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi admin dengan kode permintaan.',
    en: 'Something went wrong on the server. Try again; if it persists, contact your admin with the request id.',
  },
  SERVICE_UNAVAILABLE: {
    id: 'Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.',
    en: 'The service is unavailable. Try again in a moment.',
  },
  NETWORK_ERROR: {
    id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
    en: 'Cannot reach the server. Check your connection and try again.',
  },
  UNKNOWN_ERROR: {
    id: 'Permintaan gagal.',
    en: 'The request failed.',
  },
};

export interface DescribedError {
  code: AnyErrorCode;
  message: string;
  fields: FieldError[];
  requestId?: string;
}

export function errorMessage(error: unknown, lang: Lang): string {
  return describeError(error, lang).message;
}

/** What the UI shows for an error: the message for its code, and the field problems listed. */
export function describeError(error: unknown, lang: Lang): DescribedError {
  if (error instanceof ApiError) {
    const known = ERROR_MESSAGES[error.code];
    // For a code this client does not know yet, the server's own message is the best we have.
    const message = error.code === 'UNKNOWN_ERROR' && error.message ? error.message : known[lang];
    return { code: error.code, message, fields: error.fieldErrors, requestId: error.requestId };
  }
  return { code: 'UNKNOWN_ERROR', message: ERROR_MESSAGES.UNKNOWN_ERROR[lang], fields: [] };
}
