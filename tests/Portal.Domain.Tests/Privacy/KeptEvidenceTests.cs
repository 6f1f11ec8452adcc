using Portal.Domain.Compliance;
using Portal.Domain.Privacy;
using Portal.Domain.Training;

namespace Portal.Domain.Tests.Privacy;

public sealed class KeptEvidenceTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Pseudonym = Guid.NewGuid();

    [Fact]
    public void ACompletionIsKeptAsWhatAndWhenUnderThePseudonymWithNoNameOrCode()
    {
        var progress = ModuleProgress.Start("erin", "fire-safety", "v3", Now.AddHours(-1));
        progress.MarkPassed(Now);
        var completion = Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), "code-that-verifies", Now, "Erin Example");

        var kept = KeptEvidence.Of(completion, Organisation, Pseudonym, Now.AddYears(3));

        Assert.Equal((Organisation, Pseudonym, KeptEvidenceKind.Completion, "fire-safety", "v3", DateOnly.FromDateTime(Now), (string?)null, Now.AddYears(3)),
            (kept.OrganisationId, kept.Pseudonym, kept.Kind, kept.Topic, kept.Version, kept.On, kept.RecordedBy, kept.KeepUntilUtc));
    }

    [Fact]
    public void ASignOffIsKeptWithWhoSignedItButNotTheNote()
    {
        var signOff = CompetencyRecord.SignOff(Organisation, "erin", "blood-glucose", "c2", ["Wash hands"], [0], "Erin did well", DateOnly.FromDateTime(Now), "pat", Now);

        var kept = KeptEvidence.Of(signOff, Pseudonym, Now.AddYears(3));

        Assert.Equal((KeptEvidenceKind.CompetencySignOff, "blood-glucose", "c2", "pat"), (kept.Kind, kept.Topic, kept.Version, kept.RecordedBy));
        Assert.DoesNotContain(typeof(KeptEvidence).GetProperties(), p => p.Name is "UserId" or "Note" or "CertificateName" or "VerificationCode");
    }
}
