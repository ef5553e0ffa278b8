using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// The type of a name whose declaration had an error (already reported, e.g. an aggregate with a bad
/// <c>value</c>): the loader declares the name anyway with this type, and a use of it binds to nothing
/// without a further error (no cascading "Unknown name"), so one mistake gives one error.
/// </summary>
internal static class PoisonedName
{
    /// <summary>A declaration of <paramref name="name"/> that later uses accept silently.</summary>
    public static Declaration Declare(string name) => new(name, typeof(PoisonedName));

    /// <summary>Whether <paramref name="declaration"/> stands for a declaration that had an error.</summary>
    public static bool Is(Declaration declaration) => declaration.Type == typeof(PoisonedName);
}
