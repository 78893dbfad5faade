// What the rules engine needs to judge one case: everything is passed in, nothing is read from disk or
// the database here, so the same evaluation runs in the back end, the UI and the tests.
import type { CaseStatus, ClaimType } from '../domain/claims';
import type { ExtractedDocument } from '../domain/documents';
import type { Participant } from '../domain/participant';
import type { RequirementTable } from '../requirements/schema';

export interface CaseDocumentInput {
  /** Stable id of the document within the case (e.g. the case_documents row id). */
  id: string;
  document: ExtractedDocument;
  fileSha256?: string | null;
  fileName?: string | null;
}

export interface PoorPage {
  documentId?: string | null;
  fileName?: string | null;
  page: number;
  score: number;
  reasons: string[];
}

export interface OtherClaim {
  caseId: number;
  reference: string;
  claimType: ClaimType;
  status: CaseStatus;
  kpj: string | null;
}

/** Another participant (different NIK) whose record holds an account number used in this case. */
export interface AccountHolder {
  account: string;
  nomor_kpj: string;
  nik: string;
  nama: string;
}

/** A file of this case whose hash also appears in a case of a different participant. */
export interface ReusedFile {
  sha256: string;
  fileName: string | null;
  caseId: number;
  reference: string;
  participantNik: string | null;
  participantKpj: string | null;
}

/** Facts the officer states about the claim; null or absent = not stated (documents may tell). */
export interface StatedFacts {
  heirIsSpouse?: boolean | null;
  trafficAccident?: boolean | null;
  reimbursement?: boolean | null;
  transportClaim?: boolean | null;
  stmbClaim?: boolean | null;
  heirActsForOthers?: boolean | null;
  death?: boolean | null;
  /** Total benefit in rupiah, when known. */
  benefitAmount?: number | null;
}

export interface CaseInput {
  claimType: ClaimType;
  /** Accident or death date as the officer entered it (ISO); documents may supply it otherwise. */
  incidentDate: string | null;
  /** The day the claim was filed (ISO). */
  filedDate: string;
  /** Public holidays (ISO dates) that stop the statutory processing clock. */
  holidays?: readonly string[];
  participant: Participant | null;
  /** Other memberships (KPJ numbers) held under the participant's NIK. */
  memberships?: string[];
  documents: CaseDocumentInput[];
  poorPages?: PoorPage[];
  otherClaims?: OtherClaim[];
  accountHolders?: AccountHolder[];
  reusedFiles?: ReusedFile[];
  requirements: RequirementTable;
  facts?: StatedFacts;
}
