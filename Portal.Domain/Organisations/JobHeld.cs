namespace Portal.Domain.Organisations;

/// <summary>
/// One job a member of staff held at an organisation, from when to when: the history that
/// "moved up a step", new-starter retention and "apprentices in post" are counted from. A row is
/// closed (<see cref="ToUtc"/>) only when another job replaces it; the last job ends when the
/// membership does, so leaving never has to touch the history.
/// </summary>
public sealed class JobHeld
{
    private JobHeld()
    {
    }

    public long Id { get; private set; }

    public long MembershipId { get; private set; }

    /// <summary>Whose job: the membership's person, kept here so erasure and the rollups find the rows without a join.</summary>
    public string UserId { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    /// <summary>The career role slug of the job.</summary>
    public string JobRole { get; private set; } = "";

    /// <summary>Whether they held the job as an apprentice (an apprenticeship agreement with this employer), as their manager recorded it.</summary>
    public bool Apprenticeship { get; private set; }

    public DateTime FromUtc { get; private set; }

    /// <summary>When another job here replaced it; null for the job they hold now (or held when they left).</summary>
    public DateTime? ToUtc { get; private set; }

    public bool Current => ToUtc is null;

    internal static JobHeld Start(Membership membership, string jobRole, bool apprenticeship, DateTime fromUtc) => new()
    {
        MembershipId = membership.Id,
        UserId = membership.UserId,
        OrganisationId = membership.OrganisationId,
        JobRole = jobRole,
        Apprenticeship = apprenticeship,
        FromUtc = fromUtc,
    };

    internal void Replace(DateTime utcNow)
    {
        if (!Current)
            throw new InvalidOperationException("This job was already replaced.");
        // Two changes in the same instant (or a clock behind the start) still leave from <= to.
        ToUtc = utcNow < FromUtc ? FromUtc : utcNow;
    }

    /// <summary>Whether they held this job at <paramref name="atUtc"/>, given when the membership ended.</summary>
    public bool HeldAt(DateTime atUtc, DateTime? membershipEndedAtUtc)
    {
        var to = ToUtc ?? membershipEndedAtUtc;
        return FromUtc <= atUtc && (to is null || to > atUtc);
    }
}
