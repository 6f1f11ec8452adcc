using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Talent;

/// <summary>The candidate profile: declared once with a date, and counted in the person's route plan.</summary>
public sealed class ProfileTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task APostcodeOutsideTheCityIsRefusedAndNothingIsSaved()
    {
        var browser = await app.AsNewUserAsync();

        var response = await browser.SubmitAsync(await browser.GetPageAsync("/profile"), new Dictionary<string, string> { ["Input.Postcode"] = "SW1A 1AA", ["Input.Languages"] = "English" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SW1A is outside the area the portal covers", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal("", (await browser.GetPageAsync("/profile")).QuerySelector("#languages")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task DeclaredChecksAndQualificationsShowTheirDateAndCountInThePlan()
    {
        var browser = await app.AsNewUserAsync();
        const string Plan = "/careers/plan?From=new-to-care&To=care-worker";
        static string FirstStep(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("article.route")[0].QuerySelectorAll(".route__step")[0].TextContent;
        var before = FirstStep(await browser.GetPageAsync(Plan));
        var split = before.IndexOf("You already have", StringComparison.Ordinal);
        var needsBefore = split < 0 ? before : before[..split];
        Assert.Contains("An enhanced DBS check", needsBefore, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync(await browser.GetPageAsync("/profile"), new Dictionary<string, string>
        {
            ["Input.Postcode"] = "ls6 2ab",
            ["Input.DbsUpdateService"] = "true",
            ["Input.RightToWork"] = "true",
            ["Input.Qualifications"] = "care-certificate",
            ["Input.LetEmployersFindMe"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var profile = await browser.GetPageAsync("/profile");
        Assert.Contains($"(declared {DateTime.UtcNow:d MMMM yyyy})", profile.QuerySelector("label[for=dbs]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("LS6 2AB", profile.QuerySelector("#postcode")!.GetAttribute("value"));
        var after = FirstStep(await browser.GetPageAsync(Plan));
        var held = after[after.IndexOf("You already have", StringComparison.Ordinal)..];
        Assert.Contains("An enhanced DBS check", held, StringComparison.Ordinal);
        Assert.Contains("Care Certificate", held, StringComparison.Ordinal);
    }
}
