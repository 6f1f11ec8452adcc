namespace Portal.Domain.Training;

/// <summary>
/// Required training of one member of staff, more than two weeks overdue at one organisation, that
/// its managers are yet to hear about. It is written with the person's own reminder, in one
/// transaction; the reminder run then tells each organisation's managers in one summary and deletes
/// what it told, in another. So a manager hears of each lapse once, in one email however many of
/// their staff it covers, and a run that dies between the two leaves the notice for the next run.
/// </summary>
public sealed class OverdueNotice
{
    private OverdueNotice()
    {
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The member of staff whose training is overdue.</summary>
    public string UserId { get; private set; } = "";

    public string ModuleSlug { get; private set; } = "";

    /// <summary>Since when it has been due: the reminder's own due date.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>Never done, rather than done and run out: the training matrix's Missing and Expired.</summary>
    public bool NeverDone { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static OverdueNotice For(Guid organisationId, string userId, DueReminder reminder, bool neverDone, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder.Kind != ReminderKind.RequiredOverdue)
            throw new ArgumentException("Managers hear only of required training overdue.", nameof(reminder));
        return new OverdueNotice
        {
            OrganisationId = organisationId, UserId = userId, ModuleSlug = reminder.ModuleSlug, DueOn = reminder.DueOn, NeverDone = neverDone, CreatedAtUtc = utcNow,
        };
    }
}
