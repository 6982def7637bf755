/** Input formats shared by the DTOs, so a code is validated the same way on every route. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
/** A province (`53`) or regency/city (`53.01`): the levels that have a government and a budget. */
export const GOVERNMENT_REGION_CODE = /^\d{2}(\.\d{2})?$/;
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const BIDANG_URUSAN = /^([1-9]\.\d{2}|X\.XX)$/;

export const MSG_REGION_CODE = 'bukan kode wilayah';
export const MSG_GOVERNMENT_REGION_CODE = 'harus kode provinsi atau kabupaten/kota (contoh 53.01)';
