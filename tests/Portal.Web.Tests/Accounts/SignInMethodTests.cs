using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Accounts;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// How a session signed in (amr: "pwd" for a password alone, "mfa" for two factors) belongs to
/// the session: Identity's periodic check of the account rebuilds the principal, and it must not
/// forget. The check runs on every request here instead of every 30 minutes.
/// </summary>
public sealed class SignInMethodTests(SignInMethodTests.Factory app) : IClassFixture<SignInMethodTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
                services.AddSingleton<IStartupFilter, SignInMethodProbe>();
            });
        }
    }

    /// <summary>Answers /test/amr with the amr values of the signed-in principal, after Identity's check has run.</summary>
    private sealed class SignInMethodProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path != "/test/amr")
                {
                    await following(context);
                    return;
                }

                var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                await context.Response.WriteAsync(string.Join(",", result.Principal?.FindAll("amr").Select(c => c.Value) ?? []) + "|" +
                    (result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is null ? "anonymous" : "signed in"));
            });
            next(app);
        };
    }

    [Fact]
    public async Task TwoFactorSignInIsRememberedAcrossTheAccountCheck()
    {
        var browser = await app.AsAdminWithTwoFactorAsync();

        Assert.Equal("mfa|signed in", await browser.GetStringAsync("/test/amr"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal("mfa|signed in", await browser.GetStringAsync("/test/amr"));
    }

    [Fact]
    public async Task PasswordSignInStaysAPasswordSignIn()
    {
        var browser = await app.AsNewUserAsync(PortalRoles.Learner);

        Assert.Equal("pwd|signed in", await browser.GetStringAsync("/test/amr"));
        Assert.Equal("pwd|signed in", await browser.GetStringAsync("/test/amr"));
    }
}
