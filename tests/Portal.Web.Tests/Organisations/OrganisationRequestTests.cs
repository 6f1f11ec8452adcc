using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Organisations;

/// <summary>An employer asks to be set up; an admin approves or declines on the organisations page.</summary>
public sealed class OrganisationRequestTests(PortalWebFactory app) : IClassFixture<PortalWebFactory>
{
    private async Task<(HttpClient Browser, string Email)> SignedInAsync()
    {
        var email = $"employer.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, SignIn.Password);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return (browser, email);
    }

    private static Dictionary<string, string> RequestForm(string name, string postcode = "LS11 5AA") => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = "CareProvider",
        ["Input.Postcode"] = postcode,
        ["Input.Role"] = "Recruiter",
        ["Input.Note"] = "I am the registered manager.",
    };

    private async Task<Guid> RequestIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<OrganisationRequest>().Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient admin, AngleSharp.Dom.IDocument page, Guid request, string handler, string? reason = null) =>
        admin.SubmitAsync(page, reason is null ? new Dictionary<string, string>() : new() { ["reason"] = reason },
            $"form[action*='handler={handler}']:has(input[value='{request}'])");

    [Fact]
    public async Task AnApprovedEmployerStartsRecruitingAtOnce()
    {
        var (employer, email) = await SignedInAsync();
        var name = $"Holbeck Home Care {Guid.NewGuid():N}";

        var refused = await employer.SubmitAsync(await employer.GetPageAsync("/organisations/request"), RequestForm(name, "BD1 1AA"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("outside the area the portal covers", (await Forms.ParseAsync(refused)).Text(".alert-danger"), StringComparison.Ordinal);
        var sent = await employer.SubmitAsync(await employer.GetPageAsync("/organisations/request"), RequestForm(name));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mine = await employer.GetPageAsync("/organisations/request");
        Assert.Contains("Status: waiting for an admin", mine.Text("#mine-heading + ul"), StringComparison.Ordinal);
        var id = await RequestIdAsync(name);

        var admin = await app.AsAdminWithTwoFactorAsync();
        Assert.Contains("waiting for approval", (await admin.GetPageAsync("/admin")).Text("main"), StringComparison.Ordinal);
        var queue = await admin.GetPageAsync("/admin/organisations");
        Assert.Contains("I am the registered manager.", queue.Text("#pending-heading + ul"), StringComparison.Ordinal);
        var approved = await DecideAsync(admin, queue, id, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains(name, (await admin.GetPageAsync(approved.Headers.Location!.OriginalString)).Text("h1"), StringComparison.Ordinal);

        await app.DeliverMailAsync();
        var mail = Assert.Single(app.MailTo(email));
        Assert.Contains("/organisations/request", mail.TextBody, StringComparison.Ordinal);
        var start = await employer.SubmitAsync(await employer.GetPageAsync("/organisations/request"), new Dictionary<string, string>(), "form[action*='handler=Start']");
        Assert.Equal("/recruit", start.Headers.Location!.OriginalString);
        // A recruiter now: the recruit pages ask for the second step first.
        Assert.StartsWith("/Identity/Account/StepUp", (await employer.GetAsync("/recruit")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var withSecondStep = app.CreateBrowser();
        await app.SignInWithTwoFactorAsync(withSecondStep, email);
        Assert.Contains(name, (await withSecondStep.GetPageAsync("/recruit")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclineNeedsAReasonAndTheEmployerSeesIt()
    {
        var (employer, _) = await SignedInAsync();
        var name = $"Seacroft Support {Guid.NewGuid():N}";
        await employer.SubmitAsync(await employer.GetPageAsync("/organisations/request"), RequestForm(name));
        var id = await RequestIdAsync(name);
        var admin = await app.AsAdminWithTwoFactorAsync();

        var noReason = await DecideAsync(admin, await admin.GetPageAsync("/admin/organisations"), id, "Decline", "");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.StartsWith("Give a reason", (await Forms.ParseAsync(noReason)).Text($"#problem-{id}"), StringComparison.Ordinal);
        Assert.Empty((await Forms.ParseAsync(noReason)).QuerySelectorAll(".field-validation-error"));
        var declined = await DecideAsync(admin, await admin.GetPageAsync("/admin/organisations"), id, "Decline", "We could not find it on the CQC register.");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var mine = (await employer.GetPageAsync("/organisations/request")).Text("#mine-heading + ul");
        Assert.Contains("We could not find it on the CQC register.", mine, StringComparison.Ordinal);
        Assert.Empty((await employer.GetPageAsync("/organisations/request")).QuerySelectorAll("form[action*='handler=Start']"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Organisation>().AnyAsync(o => o.Name == name));
    }

    [Fact]
    public async Task OnlyAdminsDecideAndOnlyTheRequesterStarts()
    {
        var (employer, _) = await SignedInAsync();
        var name = $"Gipton Care {Guid.NewGuid():N}";
        await employer.SubmitAsync(await employer.GetPageAsync("/organisations/request"), RequestForm(name));
        var id = await RequestIdAsync(name);
        var page = await employer.GetPageAsync("/organisations/request");

        // A signed-in non-admin posting the admin's form is refused before anything happens.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await employer.PostAsync("/admin/organisations?handler=Approve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["requestId"] = id.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // Someone else cannot "start" on it, approved or not: 404, as if it did not exist.
        var (other, _) = await SignedInAsync();
        var otherToken = (await other.GetPageAsync("/organisations/request")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var start = await other.PostAsync("/organisations/request?handler=Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["requestId"] = id.ToString(), ["__RequestVerificationToken"] = otherToken }));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync("/organisations/request")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(OrganisationRequestStatus.Pending, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<OrganisationRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
    }
}
