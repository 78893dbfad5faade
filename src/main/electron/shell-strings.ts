// The few words the main process shows itself (native dialogs), in Bahasa Indonesia by default and in
// English. The renderer keeps its own choice in its localStorage, out of the main process's reach, so
// the shell follows the system language: English when the system asks for it, Indonesian otherwise.

export type ShellLanguage = 'id' | 'en';

export interface ShellStrings {
  openLinkTitle: string;
  /** The confirm dialog's question, naming the site the link leaves for. */
  openLinkMessage: (host: string) => string;
  openLinkDetail: (url: string) => string;
  openLinkConfirm: string;
  openLinkCancel: string;
  /** Asked when a screen holds values not saved and the window is being closed or reloaded. */
  leaveMessage: string;
  leaveDetail: string;
  leaveConfirm: string;
  leaveCancel: string;
}

const STRINGS: Record<ShellLanguage, ShellStrings> = {
  id: {
    openLinkTitle: 'Buka tautan di luar ClaimDesk',
    openLinkMessage: (host) => `Buka ${host} di peramban?`,
    openLinkDetail: (url) => `ClaimDesk akan membuka alamat ini di peramban web komputer Anda:\n${url}`,
    openLinkConfirm: 'Buka di peramban',
    openLinkCancel: 'Batal',
    leaveMessage: 'Ada nilai yang belum tersimpan. Tetap tutup ClaimDesk?',
    leaveDetail: 'Basis data cabang tidak menerima nilai itu. Jika jendela ditutup, nilai yang belum tersimpan hilang.',
    leaveConfirm: 'Tutup dan buang',
    leaveCancel: 'Tetap di sini',
  },
  en: {
    openLinkTitle: 'Open a link outside ClaimDesk',
    openLinkMessage: (host) => `Open ${host} in the browser?`,
    openLinkDetail: (url) => `ClaimDesk will open this address in your computer's web browser:\n${url}`,
    openLinkConfirm: 'Open in browser',
    openLinkCancel: 'Cancel',
    leaveMessage: 'Some values are not saved. Close ClaimDesk anyway?',
    leaveDetail: 'The branch database did not take them. If the window closes, the values not saved are lost.',
    leaveConfirm: 'Close and lose them',
    leaveCancel: 'Stay',
  },
};

/** A locale such as "en-US" or "id" to one of the two languages; any other is Indonesian. */
export function shellLanguage(locale: string): ShellLanguage {
  return /^en(?:[-_]|$)/i.test(locale) ? 'en' : 'id';
}

export function shellStrings(language: ShellLanguage): ShellStrings {
  return STRINGS[language];
}
