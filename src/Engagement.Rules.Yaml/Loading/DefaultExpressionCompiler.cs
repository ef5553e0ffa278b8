using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>The expression compiler the loader uses unless a test substitutes its own.</summary>
internal static class DefaultExpressionCompiler
{
    public static IExpressionCompiler Create() => new ExpressionCompiler();
}
