using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Names;
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
    /// <summary>The code of the error about the name, which belongs beside the name field; every other is about the password.</summary>
    public const string InvalidName = "InvalidName";

    /// <param name="confirmationLink">Builds the confirmation URL from the new user's id and the encoded token.</param>
    /// <param name="signInLink">Where the owner of an existing account can sign in or reset their password.</param>
    /// <returns>Errors only about the name and the password itself, never about the address.</returns>
    /// <param name="name">The person's full name, as their certificates show it.</param>
    public async Task<IdentityResult> RegisterAsync(string name, string email, string password, Func<string, string, string> confirmationLink, string signInLink)
    {
        ArgumentNullException.ThrowIfNull(confirmationLink);
        if (ShownNames.Problem(name, "Your name") is { } nameProblem)
            return IdentityResult.Failed(new IdentityError { Code = InvalidName, Description = nameProblem });
        // Password rules first: checking them only for new addresses would let a weak password probe for accounts.
        // The person as they will be, so that a password made of their own name or address is refused.
        var person = new PortalUser { UserName = email, Email = email, DisplayName = name };
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            passwordErrors.AddRange((await validator.ValidateAsync(users, person, password)).Errors);
        if (passwordErrors.Count > 0)
            return IdentityResult.Failed([.. passwordErrors]);

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            // A new account has its password checked again and hashed by CreateAsync; the same work
            // here, or the quicker answer would tell a stranger that the address is taken.
            foreach (var validator in users.PasswordValidators)
                await validator.ValidateAsync(users, person, password);
            users.PasswordHasher.HashPassword(person, password);
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

    /// <summary>
    /// Confirms the address from the emailed link, once. Identity's token stays valid for its whole
    /// lifetime (a day) and confirming again succeeds; here an address already confirmed refuses the
    /// link, and confirming renews the security stamp, which every earlier token was bound to.
    /// </summary>
    /// <param name="code">The token as the link carries it (base64url).</param>
    /// <returns>Whether this link confirmed the address now.</returns>
    public async Task<bool> ConfirmEmailAsync(string userId, string code)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsEmailConfirmedAsync(user))
            return false;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            // A link cut short in the email app: the same answer as any other bad link.
            return false;
        }

        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return false;
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("Email address confirmed");
        return true;
    }
}
