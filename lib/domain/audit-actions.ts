/**
 * Every kind of change the audit trail records, defined once, with how a history line reads
 * it ("recorded by Ana · 3 March"). `audit()` accepts only these names.
 */
export const AUDIT_ACTION_LABELS = {
  "investigation.create": "created",
  "investigation.restore": "restored from a backup",
  "investigation.backup": "backed up",
  "investigation.update": "settings changed",
  // An admin made themself a lead of it (admins see nothing of an investigation until then).
  "investigation.join": "joined by an admin",
  "member.add": "member added",
  "member.update": "member's role changed",
  "member.remove": "member removed",
  // A read-only link to the fact sheet (its token is never recorded).
  "share.create": "read-only link shared",
  "share.revoke": "read-only link revoked",
  "attribute.update": "how the attribute behaves changed",
  // Written for the attribute, and for each claim and conflict that moved with it.
  "attribute.rename": "attribute renamed",
  "attribute.merge": "attribute merged into another",
  "article.import": "imported",
  "article.update": "source details changed",
  "claim.create": "recorded",
  "claim.update": "edited",
  "claim.retract": "retracted",
  "claim.restore": "restored",
  "claim.delete": "deleted",
  "claim.reject": "rejected in review",
  "claim.supersede": "superseded in review",
  "proposal.reject": "suggestion rejected",
  // Written for the article; each claim saved has its own "recorded" event, marked machine-proposed.
  "proposal.acceptAll": "suggestions accepted in a batch",
  // A name the reader proposed as an entity, turned down: proposed nowhere in the investigation again.
  "name.dismiss": "proposed name dismissed",
  "entity.create": "created",
  "entity.alias.add": "alias added",
  "entity.alias.remove": "alias removed",
  "entity.merge": "merged into another entity",
  "entity.unmerge": "merge undone",
  "entity.partOf": "part of another changed",
  "conflict.detect": "found by detection",
  "conflict.create": "marked by hand",
  "conflict.update": "claims changed",
  "conflict.close": "closed by detection: no longer holds",
  "conflict.reopen": "reopened",
  "conflict.resolve": "settled",
  "conflict.comment": "commented",
  "user.create": "account created",
  "user.update": "account edited",
  "user.disable": "account disabled",
  "user.enable": "account enabled",
  "user.passwordLink": "set-password link given",
  "user.setPassword": "password set with a link",
  "save.timeout": "a save was stopped: it took too long",
  "job.enqueue": "long work asked for",
  "job.fail": "long work failed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** How a history line names an action; an unknown one (from an older version) as written. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : action;
}
