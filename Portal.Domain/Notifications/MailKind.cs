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
    /// The kinds a scheduled job writes by the thousand (a reminder run can queue a city's worth at
    /// once). Delivery sends every other kind first, since behind each of those is one person waiting
    /// for it now: a confirmation link, a reset, an invitation, word on an application.
    /// </summary>
    public static IReadOnlyList<MailKind> Bulk { get; } = [MailKind.Matches, MailKind.JobAlert, MailKind.TrainingReminder, MailKind.OverdueTraining];

    /// <summary>Every kind not in <see cref="Bulk"/>, for a query that looks for them by index.</summary>
    public static IReadOnlyList<MailKind> Prompt { get; } = [.. Enum.GetValues<MailKind>().Except(Bulk)];

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
