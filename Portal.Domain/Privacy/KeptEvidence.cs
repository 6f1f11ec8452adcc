using Portal.Domain.Compliance;
using Portal.Domain.Training;

namespace Portal.Domain.Privacy;

public enum KeptEvidenceKind
{
    Completion,
    CompetencySignOff,
    CompetencyRevoke,
}

/// <summary>
/// What an employer may need to show an inspector about someone who has since erased their
/// account (decision 0035): that a member of its staff completed a module or was signed off on a
/// competency, and when. No name, no account id, no note, no certificate code: only a pseudonym,
/// the same for every row of one erased person, so the rows can be told apart and counted and
/// nobody can be identified from the portal. Removed by the retention run at <see cref="KeepUntilUtc"/>.
/// </summary>
public sealed class KeptEvidence
{
    public const int MaxTopicLength = 80;
    public const int MaxVersionLength = 64;

    private KeptEvidence()
    {
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid Pseudonym { get; private set; }
    public KeptEvidenceKind Kind { get; private set; }

    /// <summary>The module or the competency.</summary>
    public string Topic { get; private set; } = "";

    /// <summary>The version of the module text or of the checklist.</summary>
    public string? Version { get; private set; }

    public DateOnly On { get; private set; }

    /// <summary>For a sign-off or a revoke: the practitioner's or manager's account id (their own record, not the erased person's).</summary>
    public string? RecordedBy { get; private set; }

    public DateTime KeepUntilUtc { get; private set; }

    public static KeptEvidence Of(Completion completion, Guid organisationId, Guid pseudonym, DateTime keepUntilUtc)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return new KeptEvidence
        {
            OrganisationId = organisationId,
            Pseudonym = pseudonym,
            Kind = KeptEvidenceKind.Completion,
            Topic = completion.ModuleSlug,
            Version = completion.ContentVersion,
            On = DateOnly.FromDateTime(completion.CompletedAtUtc),
            KeepUntilUtc = keepUntilUtc,
        };
    }

    public static KeptEvidence Of(CompetencyRecord record, Guid pseudonym, DateTime keepUntilUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new KeptEvidence
        {
            OrganisationId = record.OrganisationId,
            Pseudonym = pseudonym,
            Kind = record.Kind == CompetencyRecordKind.SignedOff ? KeptEvidenceKind.CompetencySignOff : KeptEvidenceKind.CompetencyRevoke,
            Topic = record.CompetencySlug,
            Version = record.ChecklistVersion,
            On = record.On,
            RecordedBy = record.RecordedBy,
            KeepUntilUtc = keepUntilUtc,
        };
    }
}
