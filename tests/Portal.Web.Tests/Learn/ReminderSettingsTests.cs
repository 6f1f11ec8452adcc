using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Learn;

/// <summary>/profile/reminders: defaults, saving choices, and a bad time refused without saving.</summary>
public sealed class ReminderSettingsTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task APersonSeesTheDefaultsAndChangesThem()
    {
        var person = await app.AsNewUserAsync();
        var page = await person.GetPageAsync("/profile/reminders");
        Assert.Equal("21:00", page.QuerySelector("#QuietFrom")!.GetAttribute("value")![..5]);
        Assert.Equal("07:00", page.QuerySelector("#QuietUntil")!.GetAttribute("value")![..5]);
        Assert.NotNull(page.QuerySelector("#Stalled[checked]"));

        var saved = await person.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Expiring"] = "true",
            ["Expired"] = "true",
            ["Stalled"] = "false",
            ["QuietFrom"] = "09:00",
            ["QuietUntil"] = "17:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await person.GetPageAsync("/profile/reminders");
        Assert.Null(again.QuerySelector("#Stalled[checked]"));
        Assert.Equal("17:30", again.QuerySelector("#QuietUntil")!.GetAttribute("value")![..5]);

        var bad = await person.SubmitAsync(again, new Dictionary<string, string> { ["QuietFrom"] = "25:99", ["Stalled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("QuietFrom", (await Forms.ParseAsync(bad)).QuerySelector(".field-validation-error")?.GetAttribute("data-valmsg-for") ?? "", StringComparison.Ordinal);
        Assert.Null((await person.GetPageAsync("/profile/reminders")).QuerySelector("#Stalled[checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync("/profile/reminders")).StatusCode);
    }
}
