using System.Globalization;
using System.Net;

namespace Portal.Web.Tests.Support;

/// <summary>A recruiter as an admin makes one, with one published vacancy, through the real pages.</summary>
public static class RecruitSteps
{
    /// <summary>
    /// The admin adds an organisation, makes a new account its recruiter, and that recruiter (signed
    /// in with two factors) posts and publishes a care worker vacancy in Pudsey, Monday earlies,
    /// closing in 30 days unless <paramref name="closes"/> says when.
    /// </summary>
    public static async Task<(HttpClient Recruiter, Guid Vacancy, Guid Organisation)> RecruiterWithVacancyAsync(
        this PortalWebFactory app, HttpClient admin, string organisation, string title, DateOnly? closes = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var created = await admin.AddOrganisationAsync(organisation, postcode: "LS28 5AB");
        var organisationUrl = created.Headers.Location!.OriginalString;
        var email = $"recruiter.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync(organisationUrl),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Recruiter" })).StatusCode);
        var recruiter = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInWithTwoFactorAsync(recruiter, email)).StatusCode);
        var saved = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/recruit/vacancies/new"), new Dictionary<string, string>
        {
            ["Input.CareerRole"] = "care-worker",
            ["Input.Title"] = title,
            ["Input.Description"] = "Support people at home in Pudsey.",
            ["Input.Postcode"] = "LS28 5AB",
            ["Input.HourlyPay"] = "13.20",
            ["Input.HoursPerWeek"] = "30",
            ["Input.Days"] = "Monday",
            ["Input.Shifts"] = "Early",
            ["Input.PayBasis"] = "WholeShift",
            ["Input.ClosingDate"] = (closes ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var url = saved.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await recruiter.SubmitAsync(await recruiter.GetPageAsync(url), new Dictionary<string, string>(), "form[action*=Publish]")).StatusCode);
        return (recruiter, Guid.Parse(url.Split('/')[^1]), Guid.Parse(organisationUrl.Split('/')[^1]));
    }
}
