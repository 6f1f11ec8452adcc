using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>The emails an application causes: received (to both sides), then one per move, each with its own subject.</summary>
public abstract partial class TalentServiceTests<TDatabase>
{
    [Fact]
    public async Task ApplyingTellsTheApplicantAndEachRecruiterOnceWithALinkToWhereTheyFollowIt()
    {
        var name = $"Received Care {Guid.NewGuid():N}";
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync(name);
        var vacancy = await PublishedAsync(org, recruiter, Details("Night carer in Headingley"));
        var applicant = await NewUserAsync();
        Guid applicationId;
        await using (var scope = Services())
        {
            var applications = scope.Get<ApplicationService>();
            applicationId = (await applications.ApplyAsync(applicant, vacancy, "I live nearby")).Value!.Id;
            // A second tap returns the first application and sends nothing more.
            Assert.Equal(applicationId, (await applications.ApplyAsync(applicant, vacancy, null)).Value!.Id);
        }

        var toApplicant = Assert.Single(await MailToAsync(await EmailOfAsync(applicant)));
        Assert.Equal($"Application received: Night carer in Headingley at {name}", toApplicant.Subject);
        Assert.Equal(MailKind.Application, toApplicant.Kind);
        Assert.Contains($"From {name}, through the Health and Care Portal", toApplicant.TextBody, StringComparison.Ordinal);
        Assert.Contains("See your applications: https://portal.example/applications", toApplicant.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/applications\"", toApplicant.HtmlBody, StringComparison.Ordinal);

        var toRecruiter = Assert.Single(await MailToAsync(await EmailOfAsync(recruiter)));
        Assert.Equal("New application from Rita Recruiter: Night carer in Headingley", toRecruiter.Subject);
        Assert.Contains($"https://portal.example/recruit/vacancies/{vacancy}/applications", toRecruiter.TextBody, StringComparison.Ordinal);
        Assert.NotNull(toRecruiter.HtmlBody);
        Assert.NotEqual(toApplicant.DedupeKey, toRecruiter.DedupeKey);
        Assert.All(new[] { toApplicant, toRecruiter }, m => Assert.Contains(applicationId.ToString("N"), m.DedupeKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachMoveHasASubjectThatSaysWhatHappened()
    {
        var (org, recruiter) = await NewOrganisationWithRecruiterAsync($"Subject Care {Guid.NewGuid():N}");
        var vacancy = await PublishedAsync(org, recruiter, Details("Support worker"));
        var applicant = await NewUserAsync();
        await using (var scope = Services())
        {
            var applications = scope.Get<ApplicationService>();
            var id = (await applications.ApplyAsync(applicant, vacancy, null)).Value!.Id;
            foreach (var status in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
                Assert.True((await applications.MoveAsync(recruiter, id, status)).IsDone);
        }

        var subjects = (await MailToAsync(await EmailOfAsync(applicant))).OrderBy(m => m.Id).Select(m => m.Subject).ToList();
        Assert.Equal(
            [$"Application received: Support worker at {await OrganisationNameAsync(org)}", "You are shortlisted: Support worker", "Invited to interview: Support worker", "A job offer: Support worker", "You have the job: Support worker"],
            subjects);
    }

    private async Task<string> OrganisationNameAsync(Guid organisationId)
    {
        await using var db = Database.CreateContext();
        return await db.Set<Portal.Domain.Organisations.Organisation>().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
    }
}
