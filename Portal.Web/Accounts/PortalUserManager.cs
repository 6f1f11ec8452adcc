using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's user manager, with two things every caller gets whichever page or service calls it:
/// deleting an account erases everything keyed to the person (Identity alone would leave the rows
/// without a foreign key, such as matches), and changes to two-factor sign-in and roles go to the
/// audit log in the same unit of work as the change.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // Resolved when needed: the user manager is built for every signed-in request, most of which never audit.
    private AuditLog Audit => ServiceProvider.GetRequiredService<AuditLog>();

    public override async Task<IdentityResult> DeleteAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await ServiceProvider.GetRequiredService<Erasure>().EraseAsync(user.Id);
        return result.IsDone ? IdentityResult.Success : IdentityResult.Failed(ErrorDescriber.DefaultError());
    }

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(PortalUser user, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        var was = user.TwoFactorEnabled;
        var result = await base.SetTwoFactorEnabledAsync(user, enabled);
        if (result.Succeeded && was != enabled)
            await Audit.WriteAsync(enabled ? AuditAction.TwoFactorTurnedOn : AuditAction.TwoFactorTurnedOff, AuditSubject.Account, user.Id);
        return result;
    }

    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.ResetAuthenticatorKeyAsync(user);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.AuthenticatorReset, AuditSubject.Account, user.Id);
        return result;
    }

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(PortalUser user, int number)
    {
        ArgumentNullException.ThrowIfNull(user);
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        if (codes is not null)
            await Audit.WriteAsync(AuditAction.RecoveryCodesMade, AuditSubject.Account, user.Id);
        return codes;
    }

    public override async Task<IdentityResult> AddToRoleAsync(PortalUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.AddToRoleAsync(user, role);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.RoleAdded, AuditSubject.Account, user.Id, details: role);
        return result;
    }

    public override async Task<IdentityResult> RemoveFromRoleAsync(PortalUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.RoleRemoved, AuditSubject.Account, user.Id, details: role);
        return result;
    }
}
