using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Portal.Browser.Tests.Support;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Browser.Tests.Email;

/// <summary>
/// "Application received" as the applicant gets it: sent by the running portal's own delivery job
/// over SMTP to the sink, with a text part and an HTML part, and a link that opens their applications.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed partial class ApplicationMailTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheApplicantGetsApplicationReceivedWithTextAndHtmlAndALinkThatWorks()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"Home carer in Bramley {suffix}";
        var organisation = $"Bramley Homecare {suffix}";
        var recruiterEmail = $"recruiter.{suffix}@example.com";
        var vacancy = await PublishedVacancyAsync(organisation, title, recruiterEmail);

        var applicant = await fixture.NewPhonePageAsync();
        var email = $"applicant.{suffix}@example.com";
        await AccountSteps.SignUpAndConfirmAsync(applicant, email, name: "Sam Applicant");
        await AccountSteps.SignInAsync(applicant, email);
        await applicant.GotoAsync($"/jobs/{vacancy}");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Apply for this job" }).ClickAsync();
        await Assertions.Expect(applicant.GetByText("Your application is sent")).ToBeVisibleAsync();

        var mail = await AccountSteps.WaitForMailAsync(email, "We have your application", TimeSpan.FromSeconds(60));
        Assert.Equal($"Application received: {title} at {organisation}", mail.Subject);
        var alternatives = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternatives.Select(p => p.ContentType.MimeType));
        Assert.Contains($"From {organisation}, through the Health and Care Portal", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<h1", mail.HtmlBody, StringComparison.Ordinal);
        var link = ApplicationsLink().Match(mail.TextBody ?? "").Groups["url"].Value;
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);

        await applicant.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Your applications" })).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await applicant.AssertNoSeriousIssuesAsync();

        // The vacancy's recruiter is told too, with a link to the applications.
        var toRecruiter = await AccountSteps.WaitForMailAsync(recruiterEmail, title, TimeSpan.FromSeconds(60));
        Assert.Equal($"New application from Sam Applicant: {title}", toRecruiter.Subject);
        Assert.Contains($"/recruit/vacancies/{vacancy}/applications", toRecruiter.TextBody, StringComparison.Ordinal);
    }

    /// <summary>An organisation with a recruiter and one open vacancy, written into the running portal's database.</summary>
    private async Task<Guid> PublishedVacancyAsync(string organisationName, string title, string recruiterEmail)
    {
        var recruiterId = await ServerAccounts.CreatePersonAsync(fixture.Server, recruiterEmail, "Rae Recruiter");
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={fixture.Server.DatabasePath}").Options);
        var now = DateTime.UtcNow;
        var organisation = Organisation.Create(organisationName, OrganisationType.CareProvider, null, "LS13 1AA", now);
        db.Add(organisation);
        db.Add(Membership.Start(organisation.Id, recruiterId, MembershipRole.Recruiter, now));
        var vacancy = Vacancy.Draft(organisation.Id, new VacancyDetails
        {
            CareerRole = "care-worker",
            Title = title,
            DescriptionMarkdown = "Visit people at home in Bramley and Rodley.",
            Location = PostcodeDistricts.Shipped().Locate("LS13").Location!,
            HourlyPay = 13.50m,
            HoursPerWeek = 30,
            Days = WorkDays.Weekdays,
            Shifts = ShiftTimes.Early,
            PayBasis = PayBasis.WholeShift,
            GuaranteedHours = true,
            PaidTraining = true,
            PaidTravelTime = false,
            DrivingLicenceRequired = false,
            ClosingDate = DateOnly.FromDateTime(now.AddDays(30)),
        }, now);
        vacancy.Publish(now, new TalentOptions().LegalMinimumWage());
        db.Add(vacancy);
        await db.SaveChangesAsync();
        return vacancy.Id;
    }

    [GeneratedRegex(@"See your applications: (?<url>https?://\S+)")]
    private static partial Regex ApplicationsLink();
}
