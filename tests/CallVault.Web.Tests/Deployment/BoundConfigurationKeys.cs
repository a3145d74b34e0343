using System.Collections;
using System.Reflection;
using CallVault.Infrastructure.Storage;

namespace CallVault.Web.Tests.Deployment;

/// <summary>
/// Every configuration key the application binds: each options class with a <c>Section</c>
/// constant, its settable properties, and nested option objects, as <c>CallVault:Storage:S3:Bucket</c>.
/// </summary>
internal static class BoundConfigurationKeys
{
    /// <summary>Collections bound under a key accept any child key.</summary>
    public static IReadOnlySet<string> OpenPrefixes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declared after <see cref="OpenPrefixes"/>: collecting fills it.</summary>
    public static IReadOnlySet<string> All { get; } = Collect();

    /// <summary><c>CallVault__Storage__S3__Bucket</c> (environment) → <c>CallVault:Storage:S3:Bucket</c>.</summary>
    public static string FromEnvironment(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    public static bool IsBound(string key) =>
        All.Contains(key) || OpenPrefixes.Any(p => key.StartsWith(p + ":", StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> Collect()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in new[] { typeof(CallVaultOptions).Assembly, typeof(StorageOptions).Assembly })
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string section && section.StartsWith("CallVault", StringComparison.Ordinal))
                {
                    AddProperties(type, section, keys);
                }
            }
        }

        return keys;
    }

    private static void AddProperties(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                keys.Add(key);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.Add(key);
                ((HashSet<string>)OpenPrefixes).Add(key);
            }
            else
            {
                AddProperties(propertyType, key, keys);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
        || type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);
}
