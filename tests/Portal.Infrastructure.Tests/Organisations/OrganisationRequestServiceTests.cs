using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Tests.Support;
using Portal.Infrastructure.Tests.Talent;

namespace Portal.Infrastructure.Tests.Organisations;

/// <summary>An employer asks to be set up; an admin approves or declines; each side is emailed once.</summary>
public abstract class OrganisationRequestServiceTests<TDatabase>(TDatabase database) : TalentTestsBase<TDatabase>(database), IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static OrganisationRequestService.RequestInput Request(string name, string? cqc = null, string postcode = "LS12 3AB") =>
        new(name, OrganisationType.CareProvider, cqc, postcode, MembershipRole.Recruiter, "I run recruitment here.");

    private async Task<string> NewAdminAsync()
    {
        var admin = await NewUserAsync();
        await using var scope = Services();
        var users = scope.Get<UserManager<PortalUser>>();
        Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(admin))!, PortalRoles.Admin)).Succeeded);
        return admin;
    }

    [Fact]
    public async Task AnApprovedRequestCreatesTheOrganisationWithTheRequesterInItAndTellsEveryone()
    {
        var admin = await NewAdminAsync();
        var requester = await NewUserAsync();
        var name = $"Armley Homecare {Guid.NewGuid():N}";
        Guid requestId;
        await using (var scope = Services())
        {
            var request = await scope.Get<OrganisationRequestService>().RequestAsync(requester, Request(name), "https://portal.example/admin/organisations");
            Assert.Null(request.Problem);
            requestId = request.Value!.Id;
            Assert.Contains(await scope.Get<OrganisationRequestService>().PendingAsync(), p => p.Id == requestId && p.Name == name && p.RequesterName == "Rita Recruiter");
        }

        Organisation organisation;
        await using (var scope = Services())
        {
            var requests = scope.Get<OrganisationRequestService>();
            Assert.Equal("You cannot decide your own request; another admin must",
                (await requests.ApproveAsync(requester, requestId, "https://portal.example/recruit")).Problem?.Message);
            var approved = await requests.ApproveAsync(admin, requestId, "https://portal.example/organisations/request");
            Assert.Null(approved.Problem);
            organisation = approved.Value!;
            Assert.Equal("That request was already approved", (await requests.ApproveAsync(admin, requestId, "x")).Problem?.Message);
            Assert.Equal("That request was already approved", (await requests.DeclineAsync(admin, requestId, "Changed my mind")).Problem?.Message);
            Assert.DoesNotContain(await requests.PendingAsync(), p => p.Id == requestId);
        }

        await using var db = Database.CreateContext();
        Assert.Equal(name, organisation.Name);
        Assert.Equal("LS12 3AB", organisation.Postcode);
        var membership = Assert.Single(await db.Set<Membership>().Where(m => m.OrganisationId == organisation.Id).ToListAsync());
        Assert.Equal((requester, MembershipRole.Recruiter), (membership.UserId, membership.Role));
        var stored = await db.Set<OrganisationRequest>().SingleAsync(r => r.Id == requestId);
        Assert.Equal((OrganisationRequestStatus.Approved, admin, organisation.Id), (stored.Status, stored.DecidedBy, stored.OrganisationId));
        var adminEmail = await EmailOfAsync(admin);
        var toAdmin = Assert.Single(await db.OutboxMessages.Where(m => m.To == adminEmail).ToListAsync());
        Assert.Contains("https://portal.example/admin/organisations", toAdmin.TextBody, StringComparison.Ordinal);
        var requesterEmail = await EmailOfAsync(requester);
        var toRequester = Assert.Single(await db.OutboxMessages.Where(m => m.To == requesterEmail).ToListAsync());
        Assert.Contains("with you as its recruiter", toRequester.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example/organisations/request", toRequester.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclinedRequestNeedsAReasonCreatesNothingAndTellsTheRequesterWhy()
    {
        var admin = await NewAdminAsync();
        var requester = await NewUserAsync();
        var name = $"Beeston Care {Guid.NewGuid():N}";
        Guid requestId;
        await using (var scope = Services())
            requestId = (await scope.Get<OrganisationRequestService>().RequestAsync(requester, Request(name), "link")).Value!.Id;

        await using (var scope = Services())
        {
            var requests = scope.Get<OrganisationRequestService>();
            Assert.StartsWith("Give a reason", (await requests.DeclineAsync(admin, requestId, "  ")).Problem?.Message, StringComparison.Ordinal);
            Assert.True((await requests.DeclineAsync(admin, requestId, "We could not find this provider on the CQC register.")).IsDone);
            Assert.Equal("That request was already declined", (await requests.ApproveAsync(admin, requestId, "x")).Problem?.Message);
            Assert.Equal(Outcome.NotFound, (await requests.DeclineAsync(admin, Guid.NewGuid(), "No")).Outcome);
        }

        await using var db = Database.CreateContext();
        Assert.False(await db.Set<Organisation>().AnyAsync(o => o.Name == name));
        Assert.False(await db.Set<Membership>().AnyAsync(m => m.UserId == requester));
        var email = await EmailOfAsync(requester);
        var mail = Assert.Single(await db.OutboxMessages.Where(m => m.To == email).ToListAsync());
        Assert.Contains("We could not find this provider on the CQC register.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestIsRefusedForAnUnknownPostcodeATakenCqcIdOrAskingTwice()
    {
        await NewAdminAsync();
        var requester = await NewUserAsync();
        var cqc = $"1-{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        await using (var scope = Services())
        {
            Assert.Null((await scope.Get<OrganisationService>().CreateAsync("Already Here Care", OrganisationType.CareProvider, cqc, "LS6 1AA")).Problem);
            Assert.Equal("CqcLocationId", (await scope.Get<OrganisationService>().CreateAsync("Twin", OrganisationType.CareProvider, cqc, "LS6 1AA")).Problem!.Field);
        }
        var name = $"Chapel Allerton Care {Guid.NewGuid():N}";

        await using var requestScope = Services();
        var requests = requestScope.Get<OrganisationRequestService>();
        Assert.Equal("Postcode", (await requests.RequestAsync(requester, Request(name, postcode: "M1 1AA"), "link")).Problem!.Field);
        Assert.Equal("CqcLocationId", (await requests.RequestAsync(requester, Request(name, cqc), "link")).Problem!.Field);
        Assert.Null((await requests.RequestAsync(requester, Request(name), "link")).Problem);
        var again = (await requests.RequestAsync(requester, Request(name), "link")).Problem!;
        Assert.Equal(("Name", $"You have already asked for {name}; an admin will look at it soon"), (again.Field, again.Message));

        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Set<OrganisationRequest>().CountAsync(r => r.RequestedBy == requester));
        Assert.Single(await requests.MineAsync(requester));
    }
}

public sealed class SqliteOrganisationRequestServiceTests(SqliteTestDatabase database) : OrganisationRequestServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresOrganisationRequestServiceTests(PostgresTestDatabase database) : OrganisationRequestServiceTests<PostgresTestDatabase>(database);
