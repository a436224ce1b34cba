/**
 * The front-matter names of a 公文's elements (GB/T 9704), as the export reads them and the checks
 * find their values: a module of its own, so that a check loads no part of the export.
 */
/** Each element's front-matter names, the first present one read. */
export const ELEMENT_KEYS = {
  title: ['title', '标题'],
  addressee: ['addressee', '主送', '主送机关'],
  signature: ['signature', '署名', '发文机关署名'],
  date: ['date', '成文日期', '日期'],
  number: ['number', 'docNumber', '发文字号', '文号'],
  attachments: ['attachments', '附件'],
  copyNumber: ['份号'],
  secrecy: ['密级'],
  secrecyPeriod: ['保密期限'],
  urgency: ['紧急程度'],
  issuer: ['发文机关标志'],
  signers: ['签发人'],
  note: ['附注'],
  seal: ['印章'],
  copyTo: ['抄送', '抄送机关'],
  printer: ['印发机关'],
  printDate: ['印发日期'],
} as const;
