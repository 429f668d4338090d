// Bodies of the administration API (organisations, agencies and their contacts), shared by
// the JSON routes and the pages' forms (which drop empty fields before parsing). In the
// update bodies a field left out is unchanged and null clears it. Unknown fields are dropped,
// as in every body of the API (a form's _csrf among them).
import { z } from 'zod';
import { LANGUAGES } from '../domain/language';

export const ORGANISATION_KINDS = ['province', 'district', 'commune'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Vietnamese names of the kinds, for pages. */
export const ORGANISATION_KIND_NAMES_VI: Record<OrganisationKind, string> = { province: 'Tỉnh', district: 'Huyện (kế hoạch cũ)', commune: 'Xã, phường' };

/** A level may hold only the levels below it: a province its districts and communes, a district its communes. */
export const KIND_RANK: Record<OrganisationKind, number> = { province: 0, district: 1, commune: 2 };

export const idSchema = z.string().trim().min(1, 'không được để trống / required').max(300);
export const nameSchema = z.string().trim().min(2, 'ít nhất 2 ký tự / at least 2 characters').max(200, 'nhiều nhất 200 ký tự / at most 200 characters');
/** Stored lower-case: addresses are compared without case everywhere. */
export const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email('địa chỉ email không hợp lệ / not a valid email address'));
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+().\s-]{6,20}$/, 'số điện thoại chỉ gồm chữ số, dấu cách, + - . ( ), 6 đến 20 ký tự / a phone number: 6-20 digits, spaces and + - . ( )');

/** The language of a person's emails (docs/language.md): Vietnamese unless they chose English. */
export const languageSchema = z.enum(LANGUAGES, 'vi hoặc en / vi or en');

const personName = z.string().trim().min(2, 'ít nhất 2 ký tự / at least 2 characters').max(200);

export const createOrganisationBodySchema = z.object({
  /** The organisation it belongs under (a commune's province). */
  parentId: idSchema,
  name: nameSchema,
  kind: z.enum(ORGANISATION_KINDS, 'tỉnh, huyện hoặc xã / province, district or commune'),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

export const updateOrganisationBodySchema = z
  .object({
    name: nameSchema.optional(),
    /** Who receives the last escalation level (Chủ tịch UBND) and the digest. */
    leadershipName: personName.nullable().optional(),
    leadershipEmail: emailSchema.nullable().optional(),
    /** The coordinating office: an agency of this organisation, whose head receives level-1 escalations. */
    coordinatorAgencyId: idSchema.nullable().optional(),
    /** The coordinating office's head (its agency's head), set here for convenience. */
    coordinatorHeadName: personName.nullable().optional(),
    coordinatorHeadEmail: emailSchema.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'không có gì để thay đổi / nothing to change');
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBodySchema>;

export const contactBodySchema = z.object({
  name: personName,
  email: emailSchema,
  phone: phoneSchema.optional(),
  /** The language of this contact's emails; Vietnamese when not given. */
  language: languageSchema.optional(),
});
export type ContactBody = z.infer<typeof contactBodySchema>;

export const updateContactBodySchema = z
  .object({ name: personName.optional(), email: emailSchema.optional(), phone: phoneSchema.nullable().optional(), language: languageSchema.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'không có gì để thay đổi / nothing to change');
export type UpdateContactBody = z.infer<typeof updateContactBodySchema>;

export const createAgencyBodySchema = z.object({
  organisationId: idSchema,
  name: nameSchema,
  headName: personName.optional(),
  headEmail: emailSchema.optional(),
  contacts: z.array(contactBodySchema).max(20, 'nhiều nhất 20 đầu mối / at most 20 contacts').default([]),
});
export type CreateAgencyBody = z.infer<typeof createAgencyBodySchema>;

export const updateAgencyBodySchema = z
  .object({ name: nameSchema.optional(), headName: personName.nullable().optional(), headEmail: emailSchema.nullable().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'không có gì để thay đổi / nothing to change');
export type UpdateAgencyBody = z.infer<typeof updateAgencyBodySchema>;
