namespace Portal.Domain.Programmes;

/// <summary>
/// When to ask someone who started work whether they are still in work: 13, 26 and 52 weeks after
/// the day they started. Only the latest one due is asked: someone whose start was recorded late is
/// not sent three questions at once, and an earlier point passed over is not asked later.
/// </summary>
public static class CheckInSchedule
{
    public static IReadOnlyList<int> Weeks { get; } = [13, 26, 52];

    public static DateOnly DueOn(DateOnly startedOn, int weeks) => startedOn.AddDays(7 * weeks);

    /// <param name="asked">The weeks already asked (or passed over) for this start.</param>
    /// <returns>The weeks to ask now, or null when nothing is due.</returns>
    public static int? DueNow(DateOnly startedOn, DateOnly today, IReadOnlyCollection<int> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var latest = Weeks.Where(w => DueOn(startedOn, w) <= today).DefaultIfEmpty(0).Max();
        if (latest == 0 || asked.Any(a => a >= latest))
            return null;
        return latest;
    }
}

/// <summary>
/// One check-in: an email asking the person if they are still in work, and a task for the
/// navigators of the organisation that supported them. Unique per started-work outcome and week, so
/// a second run (or a second node) cannot ask twice.
/// </summary>
public sealed class CheckIn
{
    private CheckIn()
    {
    }

    public long Id { get; private set; }
    public long OutcomeId { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public Guid CohortId { get; private set; }
    public int Weeks { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTime AskedAtUtc { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public bool? StillInWork { get; private set; }

    /// <summary>When a navigator marked their task done (they followed it up, or the person answered).</summary>
    public DateTime? FollowedUpAtUtc { get; private set; }

    public static CheckIn Ask(HubOutcome started, int weeks, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (started.Kind != OutcomeKind.StartedWork)
            throw new ArgumentException("Check-ins follow a start in work.", nameof(started));
        if (!CheckInSchedule.Weeks.Contains(weeks))
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "Check-ins are at 13, 26 and 52 weeks.");
        return new CheckIn
        {
            OutcomeId = started.Id, UserId = started.UserId, OrganisationId = started.OrganisationId, CohortId = started.CohortId, Weeks = weeks,
            DueOn = CheckInSchedule.DueOn(started.On, weeks), AskedAtUtc = utcNow,
        };
    }

    /// <summary>The person's answer; once given it stands (the same answer again changes nothing).</summary>
    public void Answer(bool stillInWork, DateTime utcNow)
    {
        if (StillInWork is { } given)
        {
            if (given != stillInWork)
                throw new ProgrammeRuleException("You have already answered this check-in. Tell your navigator if things have changed");
            return;
        }
        StillInWork = stillInWork;
        AnsweredAtUtc = utcNow;
    }

    public void FollowedUp(DateTime utcNow) => FollowedUpAtUtc ??= utcNow;

    /// <summary>What the answer counts as.</summary>
    public OutcomeKind? Counts => StillInWork switch
    {
        true => Programmes.HubOutcome.StillInWorkAt(Weeks),
        false => OutcomeKind.LeftWork,
        null => null,
    };
}
