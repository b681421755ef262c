# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class PortalWizard(models.TransientModel):
    _inherit = "portal.wizard"

    union_unit_id = fields.Many2one(
        "union.unit",
        ondelete="cascade",
        help="The unit whose reporters are invited: those granted access become its reporting members.",
    )


class PortalWizardUser(models.TransientModel):
    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        """Grant portal access; invited from a union unit, the new portal user reports for it, and the officer is
        told when the invitation waits in the mail queue (no outgoing mail server)."""
        result = super().action_grant_access()
        unit = self.wizard_id.union_unit_id
        if unit:
            # The partner's user just created (user_id was computed before it existed).
            user = self.partner_id.with_context(active_test=False).user_ids[:1]
            if user not in unit.member_user_ids:
                # As the officer: the unit's record rules and write policy decide whether they may add a member.
                unit.write({"member_user_ids": [Command.link(user.id)]})
            self._notify_invitation_queued()
        return result

    def _send_email(self):
        """Invited from a union unit, the invitation is sent as core sends it, in the new user's language, but
        queued (mail.mail) when no outgoing mail server is configured: sending at once would only fail."""
        if not self.wizard_id.union_unit_id:
            return super()._send_email()
        self.ensure_one()
        # sudo: preparing the sign-up link writes the contact's sign-up token, which an officer (not a contact
        # manager) may not write; the officer's right is the unit's, checked by union.unit.action_invite_portal.
        wizard_user = self.sudo()
        template = self.env.ref("portal.mail_template_data_portal_welcome").sudo()
        lang = wizard_user.user_id.lang
        partner = wizard_user.user_id.partner_id
        portal_url = partner.with_context(signup_force_type_in_url="", lang=lang)._get_signup_url_for_action()[
            partner.id
        ]
        partner.signup_prepare()
        template.with_context(dbname=self._cr.dbname, portal_url=portal_url, lang=lang).send_mail(
            wizard_user.id, force_send=self.env["union.unit"]._has_mail_server()
        )
        return True

    def _notify_invitation_queued(self):
        """Tell the officer where the invitation went: sent, or waiting in the mail queue until a mail server is
        configured."""
        self.ensure_one()
        if self.env["union.unit"]._has_mail_server():
            message = self.env._("The invitation to %(name)s has been sent by e-mail.", name=self.partner_id.name)
            kind = "success"
        else:
            message = self.env._(
                "No outgoing mail server is configured: the invitation to %(name)s waits in the mail queue and is "
                "sent once a server is set (Settings → Technical → Emails).",
                name=self.partner_id.name,
            )
            kind = "warning"
        self.env.user._bus_send("simple_notification", {"type": kind, "message": message, "sticky": kind == "warning"})
