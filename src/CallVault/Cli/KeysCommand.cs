using System.CommandLine;
using CallVault.Infrastructure.Access;
using CallVault.Infrastructure.Persistence;
using CallVault.Web.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

/// <summary><c>callvault keys create|revoke|list</c>: API keys, stored as hashes; a new key is printed once.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, revoke and list API keys.");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(RevokeKey());
        command.Subcommands.Add(ListKeys());
        return command;
    }

    private static Command CreateKey()
    {
        var role = AccessOptions.Role();
        var name = AccessOptions.Name("A name to know the key by (and revoke it with).");
        var command = new Command("create", "Create an API key; the key is printed once, alone on the last line.") { role, name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            var keyName = parse.GetValue(name)!;
            if (!AccessNames.IsValid(keyName))
            {
                return CliErrors.Fail(AccessNames.Rule);
            }

            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var issued = await services.GetRequiredService<ApiKeyStore>().CreateAsync(keyName, parse.GetValue(role)!, $"cli:{Environment.UserName}", ct);
            if (issued is null)
            {
                return CliErrors.Fail($"a key named '{keyName}' exists (revoked keys keep their names)");
            }

            await CliAudit.WriteAsync(services, "keys create", $"name={keyName}, role={issued.Row.Role}", ct);
            Console.WriteLine($"Created {issued.Row.Role} key '{keyName}' (prefix {issued.Row.Prefix}). It is shown only now:");
            Console.WriteLine(issued.Key);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKey()
    {
        var name = new Argument<string>("name") { Description = "The key's name." };
        var command = new Command("revoke", "Revoke an API key; it stops working at once.") { name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            var keyName = parse.GetValue(name)!;
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            if (!await services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyName, ct))
            {
                return CliErrors.Fail($"no active key named '{keyName}'");
            }

            await CliAudit.WriteAsync(services, "keys revoke", $"name={keyName}", ct);
            Console.WriteLine($"Revoked key '{keyName}'.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List API keys (name, prefix, role, created, last used, revoked).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(ct))
            {
                Console.WriteLine($"{key.Name}\t{key.Prefix}\t{key.Role}\tcreated {key.CreatedAt:u}\tlast used {key.LastUsedAt?.ToString("u") ?? "never"}{(key.RevokedAt is { } r ? $"\trevoked {r:u}" : string.Empty)}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
