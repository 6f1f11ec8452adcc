using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Organisations;

/// <summary>
/// Requests and invitations send email, so one person cannot flood admins or a stranger's inbox:
/// duplicates are folded into the one already sent, and each person and each address has a limit.
/// Hand-made posts the form never offers are refused with a message, and names cannot forge lines
/// or hide text.
/// </summary>
public sealed class RequestAndInvitationLimitTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private async Task<(HttpClient Browser, string Id)> SignedInAsync()
    {
        var email = $"employer.{Guid.NewGuid():N}@example.com";
        var user = await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return (browser, user.Id);
    }

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient browser, string name) =>
        await browser.SubmitAsync(await browser.GetPageAsync("/organisations/request"), new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "CareProvider",
            ["Input.Postcode"] = "LS11 5AA",
            ["Input.Role"] = "Recruiter",
        });

    private async Task<int> RequestsByAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<OrganisationRequest>().CountAsync(r => r.RequestedBy == userId);
    }

    [Fact]
    public async Task ARequestForARoleTheFormDoesNotOfferIsRefusedWithAMessageAndNotStored()
    {
        var (employer, id) = await SignedInAsync();

        // The form offers only Recruiter and Manager, so this is posted by hand, as a script would.
        var page = await employer.GetPageAsync("/organisations/request");
        var response = await employer.PostFormAsync(page, "form:has(input[name='Input.Name'])",
        [
            new("Input.Name", $"Armley Care {Guid.NewGuid():N}"),
            new("Input.Type", "CareProvider"),
            new("Input.Postcode", "LS11 5AA"),
            new("Input.Role", "Staff"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose whether you will recruit or manage staff", (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(0, await RequestsByAsync(id));
    }

    [Theory]
    [InlineData("Sunrise Care\nApproved by the CQC", "must be on one line")]
    [InlineData("Sunrise Care \u202Eeerf", "changes the direction of text")]
    [InlineData("\u200B\u200B\u200B", "must have letters or numbers in it")]
    public async Task AnOrganisationNameThatForgesOrHidesTextIsRefused(string name, string reason)
    {
        var (employer, id) = await SignedInAsync();

        var response = await RequestAsync(employer, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, (await Forms.ParseAsync(response)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(0, await RequestsByAsync(id));
    }

    [Theory]
    [InlineData("Amina\nYusuf")]
    [InlineData("\u202EAmina Yusuf")]
    [InlineData("\u200D\u200C")]
    public async Task APersonsNameThatForgesOrHidesTextIsRefusedAtRegistration(string name)
    {
        var email = $"named.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();

        var response = await browser.SubmitAsync(await browser.GetPageAsync("/Identity/Account/Register"), new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = "violet kettle under ninety stairs",
            ["Input.ConfirmPassword"] = "violet kettle under ninety stairs",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("Your name ", page.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(await app.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Fact]
    public async Task TheSameRequestTwiceIsFoldedAndOnePersonHasAtMostThreeWaiting()
    {
        var (employer, id) = await SignedInAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(employer, $"Sunrise Care {suffix}")).StatusCode);
        var again = await RequestAsync(employer, $"  sunrise   CARE {suffix} ");
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(employer, $"Moonrise Care {suffix}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(employer, $"Starlight Care {suffix}")).StatusCode);
        var fourth = await RequestAsync(employer, $"Daybreak Care {suffix}");

        Assert.Contains("You have already asked for", (await Forms.ParseAsync(again)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Contains("You have 3 requests waiting for an admin", (await Forms.ParseAsync(fourth)).Text(".alert-danger"), StringComparison.Ordinal);
        Assert.Equal(3, await RequestsByAsync(id));
    }

    [Fact]
    public async Task AnOpenInvitationIsNotSentAgainAndOneAddressGetsAtMostThreeADay()
    {
        var admin = await app.AsAdminWithTwoFactorAsync();
        var organisations = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var created = await admin.AddOrganisationAsync($"Invite Care {i} {Guid.NewGuid():N}", "Charity", "LS7");
            organisations.Add(Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]));
        }

        var stranger = $"stranger.{Guid.NewGuid():N}@example.com";
        var statuses = new List<HttpStatusCode>();
        var pages = new List<string>();
        foreach (var organisation in (Guid[])[organisations[0], organisations[0], organisations[1], organisations[2], organisations[3]])
        {
            var response = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/organisations/{organisation}"),
                new Dictionary<string, string> { ["Input.Email"] = stranger, ["Input.Role"] = "Recruiter" }, submitButton: "button[formaction*=Invite]");
            statuses.Add(response.StatusCode);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.OK], statuses);
        Assert.Contains($"{stranger} already has an invitation to join", pages[1], StringComparison.Ordinal);
        Assert.Contains("This address has been sent as many invitations today as we allow", pages[4], StringComparison.Ordinal);
        await app.DeliverMailAsync();
        Assert.Equal(3, app.MailTo(stranger).Count);
    }
}
