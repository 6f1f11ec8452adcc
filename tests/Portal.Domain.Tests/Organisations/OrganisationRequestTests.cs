using Portal.Domain.Organisations;

namespace Portal.Domain.Tests.Organisations;

public sealed class OrganisationRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    private static OrganisationRequest Pending() =>
        OrganisationRequest.Create("requester", "  Hunslet Home Care ", OrganisationType.CareProvider, " 1-123456789 ", "LS10 1AB", MembershipRole.Manager, "  ", Now);

    [Fact]
    public void ARequestIsTidiedAndStartsPending()
    {
        var request = Pending();
        Assert.Equal(("Hunslet Home Care", "1-123456789", (string?)null, OrganisationRequestStatus.Pending), (request.Name, request.CqcLocationId, request.Note, request.Status));
        var organisation = request.ToOrganisation(Now);
        Assert.Equal(("Hunslet Home Care", "LS10 1AB", "1-123456789"), (organisation.Name, organisation.Postcode, organisation.CqcLocationId));
    }

    [Fact]
    public void ItIsDecidedOnceAndNeverByTheRequester()
    {
        var request = Pending();
        Assert.Throws<InvalidOperationException>(() => request.Approve("requester", Guid.NewGuid(), Now));
        Assert.Throws<ArgumentException>(() => request.Decline("admin", " ", Now));
        Assert.Equal(OrganisationRequestStatus.Pending, request.Status);

        request.Decline("admin", " Not a care provider. ", Now.AddHours(1));
        Assert.Equal((OrganisationRequestStatus.Declined, "admin", "Not a care provider.", (DateTime?)Now.AddHours(1)), (request.Status, request.DecidedBy, request.DeclineReason, request.DecidedAtUtc));
        Assert.Throws<InvalidOperationException>(() => request.Approve("admin", Guid.NewGuid(), Now));
        Assert.Null(request.OrganisationId);
    }

    [Fact]
    public void ARequestCannotNameARoleTheFormDoesNotOffer() =>
        Assert.Throws<ArgumentException>(() => OrganisationRequest.Create("requester", "Sunrise Care", OrganisationType.CareProvider, null, "LS1 1AA", MembershipRole.Staff, null, Now));
}
