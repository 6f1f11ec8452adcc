namespace Portal.Domain.Training;

public enum ReminderKind
{
    /// <summary>A completion runs out within 30 days.</summary>
    ExpiresWithin30Days,

    /// <summary>A completion runs out within 7 days.</summary>
    ExpiresWithin7Days,

    /// <summary>A completion has run out.</summary>
    Expired,

    /// <summary>A module started and left untouched for 7 days.</summary>
    Stalled,

    /// <summary>Training an employer requires for the person's job, not held for 14 days past when it was due; their manager hears too.</summary>
    RequiredOverdue,
}
