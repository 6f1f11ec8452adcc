using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Passport;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Passport;

/// <summary>
/// The training passport end to end: issue, download, check with an independent verifier, tamper,
/// revoke, expire, rotate keys, bake into a PNG, share; and the public check's plain answers.
/// </summary>
public sealed class PassportTests(PassportTests.Factory app) : IClassFixture<PassportTests.Factory>
{
    /// <summary>Refreshed yearly, so its credential has a validUntil.</summary>
    private const string Yearly = "basic-life-support-awareness";

    /// <summary>Done once, so its credential never expires.</summary>
    private const string Once = "duty-of-care";

    public sealed class Factory : PortalWebFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private sealed record Learner(HttpClient Browser, string UserId, string Email);

    private static async Task<Learner> LearnerAsync(Factory factory, params string[] modules)
    {
        var email = $"holder.{Guid.NewGuid():N}@example.com";
        var user = await factory.CreateUserAsync(email, SignIn.Password);
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-3).AddMilliseconds(456);
        foreach (var module in modules)
            await factory.CompletedAsync(user.Id, module, at);
        var browser = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(browser, email, SignIn.Password)).StatusCode);
        return new Learner(browser, user.Id, email);
    }

    private static async Task<List<PassportCredential>> CredentialsAsync(Factory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PassportCredential>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
    }

    /// <summary>Opens the passport (which issues what is due) and downloads one credential's .jwt.</summary>
    private static async Task<(Guid Id, string Jws)> FirstJwtAsync(Factory factory, Learner learner, string achievementName)
    {
        await learner.Browser.GetPageAsync("/passport");
        var credential = (await CredentialsAsync(factory, learner.UserId)).Single(c => c.AchievementName == achievementName);
        var response = await learner.Browser.GetAsync($"/passport?handler=Jwt&id={credential.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return (credential.Id, await response.Content.ReadAsStringAsync());
    }

    private string Title(string slug) => app.Services.GetRequiredService<ContentStore>().Current.Modules[slug].Title;

    private static async Task<IDocument> CheckAsync(Factory factory, string jws)
    {
        var browser = factory.CreateBrowser();
        var page = await browser.GetPageAsync("/verify");
        var response = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Jws"] = jws });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    private static async Task<IDocument> UploadAsync(Factory factory, byte[] file, string name = "badge.png")
    {
        var browser = factory.CreateBrowser();
        var page = await browser.GetPageAsync("/verify");
        var form = page.QuerySelector("main form[method=post]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(""), "Input.Jws" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(upload, "Input.Badge", name);
        var response = await browser.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action")), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    private static string Result(IDocument page) => page.QuerySelector(".verify-result")?.TextContent ?? "(no result on the page)";

    [Fact]
    public async Task APassedModuleRoundTripsThroughAnIndependentVerifier()
    {
        var learner = await LearnerAsync(app, Yearly);
        var (id, jws) = await FirstJwtAsync(app, learner, Title(Yearly));

        var verified = await new IndependentVerifier(app.CreateClient()).VerifyAsync(jws);
        IndependentVerifier.CheckClaims(verified.Payload);
        var header = verified.Header;
        Assert.Equal(["alg", "kid", "typ"], header.EnumerateObject().Select(p => p.Name).Order());
        Assert.StartsWith("http://localhost:5150/passport/keys/", header.GetProperty("kid").GetString(), StringComparison.Ordinal);

        var p = verified.Payload;
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
            p.GetProperty("@context").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], p.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"urn:uuid:{id}", p.GetProperty("id").GetString());
        var issuer = p.GetProperty("issuer");
        Assert.Equal("Profile", issuer.GetProperty("type")[0].GetString());
        Assert.False(string.IsNullOrEmpty(issuer.GetProperty("name").GetString()));
        Assert.Equal("http://localhost:5150/", issuer.GetProperty("url").GetString());

        // Whole seconds (nbf must equal validFrom), a year after the pass for a yearly module.
        var validFrom = DateTimeOffset.Parse(p.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", p.GetProperty("validFrom").GetString());
        Assert.Equal(validFrom.AddMonths(12), DateTimeOffset.Parse(p.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var subject = p.GetProperty("credentialSubject");
        Assert.Equal("AchievementSubject", subject.GetProperty("type")[0].GetString());
        Assert.StartsWith("urn:uuid:", subject.GetProperty("id").GetString(), StringComparison.Ordinal);
        var identifiers = subject.GetProperty("identifier").EnumerateArray().ToList();
        var email = identifiers.Single(i => i.GetProperty("identityType").GetString() == "emailAddress");
        Assert.True(email.GetProperty("hashed").GetBoolean());
        var expected = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(learner.Email + email.GetProperty("salt").GetString())));
        Assert.Equal(expected, email.GetProperty("identityHash").GetString());
        Assert.DoesNotContain(learner.Email, jws, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(learner.Email, Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jws.Split('.')[1])), StringComparison.OrdinalIgnoreCase);
        var name = identifiers.Single(i => i.GetProperty("identityType").GetString() == "name");
        Assert.Equal("Sam Taylor", name.GetProperty("identityHash").GetString());

        var achievement = subject.GetProperty("achievement");
        Assert.Equal("Achievement", achievement.GetProperty("type")[0].GetString());
        Assert.Equal("Course", achievement.GetProperty("achievementType").GetString());
        Assert.Equal($"http://localhost:5150/passport/achievements/modules/{Yearly}/v1", achievement.GetProperty("id").GetString());
        Assert.Equal(Title(Yearly), achievement.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(achievement.GetProperty("description").GetString()));
        Assert.Contains("quiz", achievement.GetProperty("criteria").GetProperty("narrative").GetString(), StringComparison.Ordinal);
        var alignment = achievement.GetProperty("alignment")[0];
        Assert.Equal("12", alignment.GetProperty("targetCode").GetString());
        Assert.Equal("Care Certificate", alignment.GetProperty("targetFramework").GetString());
        Assert.StartsWith("https://", alignment.GetProperty("targetUrl").GetString(), StringComparison.Ordinal);

        var schema = p.GetProperty("credentialSchema")[0];
        Assert.Equal("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", schema.GetProperty("id").GetString());
        Assert.Equal("1EdTechJsonSchemaValidator2019", schema.GetProperty("type").GetString());
        Assert.False(await new IndependentVerifier(app.CreateClient()).RevokedAsync(p));

        var check = Result(await CheckAsync(app, jws));
        Assert.Contains("This credential is genuine and valid", check, StringComparison.Ordinal);
        Assert.Contains("Sam Taylor", check, StringComparison.Ordinal);
        Assert.Contains(Title(Yearly), check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingOneCharacterBreaksTheSignatureForBothVerifiers()
    {
        var learner = await LearnerAsync(app, Once);
        var (_, jws) = await FirstJwtAsync(app, learner, Title(Once));
        var parts = jws.Split('.');
        // One character of the payload, swapped for another valid base64url character.
        var at = parts[1].Length / 2;
        var tampered = $"{parts[0]}.{parts[1][..at]}{(parts[1][at] == 'A' ? 'B' : 'A')}{parts[1][(at + 1)..]}.{parts[2]}";

        var failure = await Assert.ThrowsAsync<VerificationFailedException>(() => new IndependentVerifier(app.CreateClient()).VerifyAsync(tampered));
        Assert.Contains("signature", failure.Message, StringComparison.Ordinal);
        var check = Result(await CheckAsync(app, tampered));
        Assert.Contains("could not be confirmed", check, StringComparison.Ordinal);
        Assert.DoesNotContain("genuine", check, StringComparison.Ordinal);

        // One character of what the credential says (the holder's name), still well-formed JSON.
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var renamed = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("Sam Taylor", "Sam Taylos", StringComparison.Ordinal)))}.{parts[2]}";
        await Assert.ThrowsAsync<VerificationFailedException>(() => new IndependentVerifier(app.CreateClient()).VerifyAsync(renamed));
        Assert.Contains("The signature does not match", Result(await CheckAsync(app, renamed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedCredentialHasItsBitSetInThePublishedListAtOnce()
    {
        var learner = await LearnerAsync(app, Once);
        var (id, jws) = await FirstJwtAsync(app, learner, Title(Once));
        var verifier = new IndependentVerifier(app.CreateClient());
        var payload = (await verifier.VerifyAsync(jws)).Payload;
        Assert.False(await verifier.RevokedAsync(payload));

        var admin = await app.AsAdminWithTwoFactorAsync();
        var page = await admin.GetPageAsync("/manage/credentials?Name=Sam");
        var form = page.QuerySelectorAll("main form[method=post]").Single(f => f.QuerySelector($"input[value='{id}']") is not null);
        var response = await admin.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action")), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Credential"] = id.ToString(),
            ["Input.Reason"] = "Issued in error: the quiz was taken by someone else",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.True(await verifier.RevokedAsync(payload));
        Assert.Contains("This credential has been revoked", Result(await CheckAsync(app, jws)), StringComparison.Ordinal);
        var holderView = await learner.Browser.GetPageAsync("/passport");
        Assert.Contains("Issued in error", holderView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagerCannotRevokeACredentialEarnedElsewhere()
    {
        var learner = await LearnerAsync(app, Once);
        var (id, _) = await FirstJwtAsync(app, learner, Title(Once));
        var manager = await app.AsNewUserWithTwoFactorAsync(PortalRoles.Manager);
        var page = await manager.GetPageAsync("/manage/credentials");
        Assert.Empty(page.QuerySelectorAll($"input[value='{id}']"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var response = await manager.PostAsync("/manage/credentials?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token ?? "",
            ["Input.Credential"] = id.ToString(),
            ["Input.Reason"] = "Trying my luck",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await CredentialsAsync(app, learner.UserId)).Single().Revoked);
    }

    [Fact]
    public async Task AfterTheKeyIsRotatedEarlierCredentialsStillVerify()
    {
        var learner = await LearnerAsync(app, Once);
        var (_, before) = await FirstJwtAsync(app, learner, Title(Once));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BadgeKeys>().RotateAsync();

        var later = await LearnerAsync(app, Once);
        var (_, after) = await FirstJwtAsync(app, later, Title(Once));
        var verifier = new IndependentVerifier(app.CreateClient());
        var old = await verifier.VerifyAsync(before);
        var fresh = await verifier.VerifyAsync(after);
        Assert.NotEqual(old.Header.GetProperty("kid").GetString(), fresh.Header.GetProperty("kid").GetString());
        Assert.Contains("genuine and valid", Result(await CheckAsync(app, before)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachAchievementIsIssuedOnceHoweverManyRequestsIssueAtOnce()
    {
        var learner = await LearnerAsync(app, Once, Yearly);
        var content = app.Services.GetRequiredService<ContentStore>().Current;
        async Task<int> IssueAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PassportService>().IssueDueAsync(learner.UserId, content);
        }

        // On threads of their own: SQLite's driver runs synchronously, so awaited calls alone would never overlap.
        var issued = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(IssueAsync)));
        Assert.Equal(2, issued.Sum());
        Assert.Equal(0, await IssueAsync());
        await learner.Browser.GetPageAsync("/passport");
        Assert.Equal(2, (await CredentialsAsync(app, learner.UserId)).Count);
    }

    [Fact]
    public async Task TheBakedBadgeCarriesTheCredentialAndChecksAsGenuine()
    {
        var learner = await LearnerAsync(app, Once);
        var (id, jws) = await FirstJwtAsync(app, learner, Title(Once));
        var response = await learner.Browser.GetAsync($"/passport?handler=Png&id={id}");
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(jws, IndependentVerifier.BakedCredential(png));
        Assert.Contains("genuine and valid", Result(await UploadAsync(app, png)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCheckSaysPlainlyWhatIsWrongWithBadInput()
    {
        Assert.Contains("not a signed credential", Result(await CheckAsync(app, "hello, this is my certificate")), StringComparison.Ordinal);
        Assert.Contains("damaged", Result(await CheckAsync(app, "abc.def!.ghi")), StringComparison.Ordinal);
        Assert.Contains("without its signature", Result(await CheckAsync(app, "{\"type\":\"OpenBadgeCredential\"}")), StringComparison.Ordinal);
        Assert.Contains("no credential baked into it", Result(await UploadAsync(app, BakedPng.BadgeImage(16))), StringComparison.Ordinal);
        Assert.Contains("not a PNG image", Result(await UploadAsync(app, Encoding.UTF8.GetBytes("GIF89a not really"))), StringComparison.Ordinal);
        Assert.Contains("too large", Result(await UploadAsync(app, new byte[(1024 * 1024) + 1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElsesCredentialIsNotFoundForPrivateDownloads()
    {
        var owner = await LearnerAsync(app, Once);
        var (id, _) = await FirstJwtAsync(app, owner, Title(Once));
        var other = await LearnerAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/passport?handler=Jwt&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/passport?handler=Png&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/passport/credentials/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ThePublicLinkShowsTheCredentialWithAQrCodeOfItself()
    {
        var learner = await LearnerAsync(app, Once);
        var (id, _) = await FirstJwtAsync(app, learner, Title(Once));
        var visitor = app.CreateClient();
        var page = await visitor.GetPageAsync($"/passport/credentials/{id}");
        Assert.Contains("This credential is valid", page.QuerySelector(".verify-result")!.TextContent, StringComparison.Ordinal);
        var qr = page.QuerySelector("img.passport-qr")!;
        Assert.Contains($"/passport/credentials/{id}", qr.GetAttribute("alt"), StringComparison.Ordinal);
        var image = await visitor.GetAsync(qr.GetAttribute("src"));
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.True((await image.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task AShareLinkShowsOnlyWhatWasChosenCountsViewsAndStopsWhenWithdrawn()
    {
        var learner = await LearnerAsync(app, Once, Yearly);
        var page = await learner.Browser.GetPageAsync("/passport");
        var chosen = (await CredentialsAsync(app, learner.UserId)).Single(c => c.AchievementName == Title(Yearly));
        var made = await learner.Browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Credentials"] = chosen.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var passport = await learner.Browser.GetPageAsync("/passport");
        var link = passport.QuerySelector("a.share-link")!.GetAttribute("href")!;

        var employer = app.CreateClient();
        var shared = (await employer.GetPageAsync(new Uri(link).PathAndQuery)).QuerySelector("main")!.TextContent;
        Assert.Contains(Title(Yearly), shared, StringComparison.Ordinal);
        Assert.DoesNotContain(Title(Once), shared, StringComparison.Ordinal);
        await employer.GetPageAsync(new Uri(link).PathAndQuery);
        passport = await learner.Browser.GetPageAsync("/passport");
        Assert.Contains("2 times", passport.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(passport.QuerySelector("a.share-link"));

        var withdraw = await learner.Browser.SubmitAsync(passport, new Dictionary<string, string>(), "main table form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task AShareOfSomeoneElsesCredentialIsRefusedAndNothingIsMade()
    {
        var owner = await LearnerAsync(app, Once);
        var (id, _) = await FirstJwtAsync(app, owner, Title(Once));
        var other = await LearnerAsync(app, Yearly);
        var page = await other.Browser.GetPageAsync("/passport");
        var lastDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await other.Browser.PostFormAsync(page, "main form[method=post]", [new("Input.Credentials", id.ToString()), new("Input.LastDay", lastDay)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PassportShare>().AnyAsync(s => s.UserId == other.UserId));
    }

    [Fact]
    public async Task TheCareCertificateIsIssuedOnceEveryStandardIsCovered()
    {
        var content = app.Services.GetRequiredService<ContentStore>().Current;
        // One module per standard, from those that cover it.
        var modules = LearnVocabulary.CareCertificateStandards.Keys
            .Select(n => content.Modules.Values.OrderBy(m => m.Slug, StringComparer.Ordinal).First(m => m.CareCertificateStandards.Contains(n)).Slug)
            .Distinct().ToArray();
        var almost = await LearnerAsync(app, modules[1..]);
        await almost.Browser.GetPageAsync("/passport");
        Assert.DoesNotContain(await CredentialsAsync(app, almost.UserId), c => c.Kind == AchievementKind.CareCertificate);

        var learner = await LearnerAsync(app, modules);
        var (_, jws) = await FirstJwtAsync(app, learner, "Care Certificate (all 16 standards)");
        var payload = (await new IndependentVerifier(app.CreateClient()).VerifyAsync(jws)).Payload;
        IndependentVerifier.CheckClaims(payload);
        var achievement = payload.GetProperty("credentialSubject").GetProperty("achievement");
        Assert.Equal("Certificate", achievement.GetProperty("achievementType").GetString());
        Assert.Equal(16, achievement.GetProperty("alignment").GetArrayLength());
        Assert.False(payload.TryGetProperty("validUntil", out _));
    }

    [Fact]
    public async Task TheNameOnACredentialIsTheOneAtIssue()
    {
        var learner = await LearnerAsync(app, Once);
        var (id, _) = await FirstJwtAsync(app, learner, Title(Once));
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(learner.UserId))!;
            user.DisplayName = "Samantha Taylor-Jones";
            return await users.UpdateAsync(user);
        });
        var page = await app.CreateClient().GetPageAsync($"/passport/credentials/{id}");
        Assert.Contains("Sam Taylor", page.QuerySelector(".verify-result")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Samantha", page.QuerySelector(".verify-result")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastItsValidUntilACredentialIsReportedExpired()
    {
        using var own = new Factory();
        var learner = await LearnerAsync(own, Yearly);
        var (_, jws) = await FirstJwtAsync(own, learner, own.Services.GetRequiredService<ContentStore>().Current.Modules[Yearly].Title);
        Assert.Contains("genuine and valid", Result(await CheckAsync(own, jws)), StringComparison.Ordinal);

        own.Clock.Advance(TimeSpan.FromDays(366));
        var check = Result(await CheckAsync(own, jws));
        Assert.Contains("genuine but has expired", check, StringComparison.Ordinal);
        var payload = IndependentVerifier.Decode(jws.Split('.')[1]);
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("exp").GetInt64()) < own.Clock.GetUtcNow());
    }

    [Fact]
    public async Task TheKeyAddressServesABareJwkAndTheStatusListIsSigned()
    {
        var learner = await LearnerAsync(app, Once);
        var (_, jws) = await FirstJwtAsync(app, learner, Title(Once));
        var kid = IndependentVerifier.Decode(jws.Split('.')[0]).GetProperty("kid").GetString()!;
        var response = await app.CreateClient().GetAsync(new Uri(kid).PathAndQuery);
        var jwk = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, jwk.ValueKind);
        Assert.False(jwk.TryGetProperty("keys", out _));
        Assert.Equal("RS256", jwk.GetProperty("alg").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/passport/keys/not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/passport/status/999")).StatusCode);
    }

    [Fact]
    public async Task ASignOffBecomesACompetencyCredentialThatIsRevokedWhenTheSignOffIsWithdrawn()
    {
        var learner = await LearnerAsync(app);
        var competency = app.Services.GetRequiredService<ContentStore>().Current.Competencies["blood-glucose-monitoring"];
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Portal.Domain.Compliance.CompetencyRecord signOff;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var organisation = Portal.Domain.Organisations.Organisation.Create($"Chapeltown Care {Guid.NewGuid():N}", Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS7 3AA", now);
            signOff = Portal.Domain.Compliance.CompetencyRecord.SignOff(organisation.Id, learner.UserId, competency.Slug, competency.ChecklistVersion, competency.Checklist,
                [.. Enumerable.Range(0, competency.Checklist.Count)], "Steady and careful", DateOnly.FromDateTime(now), "a-practitioner", now);
            db.AddRange(organisation, signOff);
            await db.SaveChangesAsync();
        }

        var (_, jws) = await FirstJwtAsync(app, learner, competency.Title);
        var verifier = new IndependentVerifier(app.CreateClient());
        var payload = (await verifier.VerifyAsync(jws)).Payload;
        IndependentVerifier.CheckClaims(payload);
        var achievement = payload.GetProperty("credentialSubject").GetProperty("achievement");
        Assert.Equal("Competency", achievement.GetProperty("achievementType").GetString());
        Assert.Contains(competency.Checklist[0], achievement.GetProperty("criteria").GetProperty("narrative").GetString(), StringComparison.Ordinal);
        Assert.False(await verifier.RevokedAsync(payload));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Add(Portal.Domain.Compliance.CompetencyRecord.Revoke(signOff, "Observed on the wrong person's meter", "a-manager", now.AddHours(1)));
            await db.SaveChangesAsync();
        }
        await learner.Browser.GetPageAsync("/passport");
        Assert.True(await verifier.RevokedAsync(payload));
    }
}
