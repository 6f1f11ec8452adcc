namespace Portal.Domain.Notifications;

/// <summary>What an email is for, so an operator looking at a stuck message knows what was promised to whom.</summary>
public enum MailKind
{
    /// <summary>Written before kinds were recorded, or by a caller that names none.</summary>
    Other,

    /// <summary>Identity's own: confirm an address, reset a password, change an address.</summary>
    Account,
    OrganisationRequest,
    Invitation,
    Application,
    InviteToApply,
    Matches,
    JobAlert,
    TrainingReminder,
    OverdueTraining,
}

public static class MailKinds
{
    /// <summary>
    /// The kind a batch job's mail has, read from the prefix of its dedupe key ("reminders:...",
    /// "job-alert:..."), for callers that do not name a kind themselves. Those prefixes already say
    /// what a message is for, one per job, so reading them keeps one name per kind.
    /// </summary>
    public static MailKind FromDedupeKey(string? dedupeKey)
    {
        var colon = dedupeKey?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon <= 0 ? MailKind.Other : dedupeKey![..colon] switch
        {
            "reminders" => MailKind.TrainingReminder,
            "overdue" => MailKind.OverdueTraining,
            "job-alert" => MailKind.JobAlert,
            "matches" => MailKind.Matches,
            "invite-to-apply" => MailKind.InviteToApply,
            "application" => MailKind.Application,
            "organisation-request" => MailKind.OrganisationRequest,
            _ => MailKind.Other,
        };
    }
}
