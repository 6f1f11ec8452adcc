using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Web.Accounts;

/// <summary>
/// Creates an account and its confirmation email in one transaction. Answers the same way whether
/// or not the address already has an account, so the form cannot be used to find out who is here;
/// the owner of an existing account is told by email instead.
/// </summary>
public sealed class AccountRegistration(
    UserManager<PortalUser> users,
    IdentityEmailSender emailSender,
    PortalDbContext db,
    TimeProvider time,
    ILogger<AccountRegistration> logger)
{
    /// <param name="confirmationLink">Builds the confirmation URL from the new user's id and the encoded token.</param>
    /// <param name="signInLink">Where the owner of an existing account can sign in or reset their password.</param>
    /// <returns>Errors only about the password itself, never about the address.</returns>
    /// <param name="name">The person's full name, as their certificates show it.</param>
    public async Task<IdentityResult> RegisterAsync(string name, string email, string password, Func<string, string, string> confirmationLink, string signInLink)
    {
        ArgumentNullException.ThrowIfNull(confirmationLink);
        // Password rules first: checking them only for new addresses would let a weak password probe for accounts.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            passwordErrors.AddRange((await validator.ValidateAsync(users, new PortalUser(), password)).Errors);
        if (passwordErrors.Count > 0)
            return IdentityResult.Failed([.. passwordErrors]);

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await emailSender.SendAccountExistsAsync(email, signInLink);
            await transaction.CommitAsync();
            return IdentityResult.Success;
        }

        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return created;
        var role = await users.AddToRoleAsync(user, PortalRoles.Learner);
        if (!role.Succeeded)
            return role;

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        await emailSender.SendConfirmationLinkAsync(user, email, confirmationLink(user.Id, token));
        await transaction.CommitAsync();
        logger.LogInformation("New account created");
        return IdentityResult.Success;
    }
}
