/**
 * How many SMS parts a text costs. GSM-7 (the basic set and its extension table) fits 160
 * characters, 153 a part when split; anything else (Arabic) goes as UCS-2: 70 UTF-16 units,
 * 67 a part when split.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the encoding counts them (extension characters count twice in GSM-7). */
  units: number;
  segments: number;
}

export function countSegments(text: string): SegmentCount {
  let gsmUnits = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) gsmUnits += 1;
    else if (GSM_EXTENDED.includes(char)) gsmUnits += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'GSM-7', units: gsmUnits, segments: gsmUnits <= 160 ? 1 : Math.ceil(gsmUnits / 153) };
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
