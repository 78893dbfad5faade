// Word lists for Indonesian name normalisation (shared/domain/bpjs-claims.md §7). Titles are stripped
// because Permendagri 73/2022 allows them on KTP/KK but forbids them on civil-registry deeds.

/** Front titles (religious, academic, customary), written without dots. */
export const FRONT_TITLES = new Set([
  'H', 'HJ', 'HAJI', 'HAJJAH', 'KH', 'PROF', 'DR', 'DRS', 'DRA', 'IR', 'UST', 'USTAZ', 'USTADZ', 'USTADZAH',
  'USTAZAH', 'TGK', 'TUAN', 'NY', 'NYONYA', 'SDR', 'SDRI', 'BPK', 'BAPAK', 'IBU', 'ALM', 'ALMH', 'ALMARHUM',
  'ALMARHUMAH', 'AP', 'APT', 'DRG', 'DRH', 'BC',
  // Customary titles (gelar adat) that Permendagri 73/2022 also allows on KTP/KK.
  'RADEN', 'AJENG', 'RA', 'RM', 'RR', 'TEUKU', 'TENGKU', 'CUT', 'DATUK',
]);

/** Back titles (degrees), written without dots. Only stripped after the first name token. */
export const BACK_TITLES = new Set([
  'SPD', 'SPDI', 'SPDSD', 'SH', 'SHI', 'SE', 'SEI', 'SAK', 'SKOM', 'SKM', 'SKEP', 'SKED', 'SST', 'SSOS', 'SSI',
  'SAG', 'SIP', 'SIKOM', 'SPSI', 'SS', 'SSN', 'SFARM', 'SGZ', 'SP', 'SPT', 'SPI', 'SHUT', 'SPETR', 'SPKP',
  'ST', 'STP', 'SAP', 'SSY', 'STH', 'STR', 'SKG', 'SKL', 'SEKON', 'SKEB', 'STRKEB',
  'MM', 'MPD', 'MPDI', 'MSI', 'MT', 'MH', 'MKES', 'MKN', 'MAG', 'MA', 'MSC', 'MBA', 'ME', 'MAP', 'MKOM',
  'MHUM', 'MKEP', 'MPH', 'PHD', 'AMD', 'AMDKEB', 'AMDKEP', 'AMK', 'AMKEB', 'AMKEP', 'AMAPD', 'AMPD', 'BA',
  'BSC', 'LC', 'MSIK', 'SPOG', 'SPA', 'SPB', 'SPPD', 'SPM', 'SPS', 'SPJP', 'SPRAD', 'SPTHT', 'SPKK',
  'SPAN', 'SPOT', 'GELAR', 'MBA', 'CPA',
]);

/** Patronym connectors: what follows is the father's name, optional when matching. */
export const PATRONYM_CONNECTORS = new Set(['BIN', 'BINTI', 'BT', 'BN', 'BINTE', 'IBN', 'IBNU']);

/** Balinese gender and birth-order markers: often dropped or added between documents. */
export const OPTIONAL_PREFIXES = new Set(['I', 'NI']);

/** Spellings and abbreviations of Muhammad (domain notes cite more than 20). */
export const MUHAMMAD_FORMS = new Set([
  'MUHAMMAD', 'MUHAMAD', 'MUHAMMAT', 'MUHAMAT', 'MOHAMAD', 'MOHAMMAD', 'MOHAMMED', 'MOHAMED', 'MUHAMMED',
  'MOCHAMAD', 'MOCHAMMAD', 'MOCHAMMED', 'MOEHAMAD', 'MOEHAMMAD', 'MUKHAMAD', 'MUKHAMMAD', 'MUCHAMAD',
  'MUCHAMMAD', 'MOKHAMAD', 'MOKHAMMAD', 'MOHAMMAT', 'MUHAMAAD', 'MUHAMMAAD', 'MOCHAMED', 'MUHAMAED',
  'MOH', 'MOCH', 'MOHD', 'MUCH', 'MOEH', 'MUH', 'MHD', 'MUHD', 'MOCHD', 'MUHAM', 'MUHAMM', 'MOHAM',
]);

export const ABDUL_FORMS = new Set(['ABDUL', 'ABDOEL', 'ABD', 'ABDUL', 'ABDOL', 'ABDU']);

/**
 * Very common leading given names that do not identify a person on their own: a match resting only on
 * one of these is not accepted, and their absence costs little.
 */
export const GENERIC_GIVEN = new Set([
  'MUHAMMAD', 'SITI', 'NUR', 'NURUL', 'SRI', 'ABDUL', 'AHMAD', 'ACHMAD',
  // Balinese birth-order names: shared by every first/second/third/fourth child.
  'WAYAN', 'MADE', 'NYOMAN', 'KETUT', 'PUTU', 'GEDE', 'KADEK', 'KOMANG', 'LUH', 'GEDE',
]);
