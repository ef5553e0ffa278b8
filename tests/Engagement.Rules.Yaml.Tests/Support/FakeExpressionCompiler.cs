using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>
/// A deliberately tiny stand-in for the expression language, so that the loader is tested on its own:
/// names, <c>a.b</c> (case-insensitive properties), 'text', integers, true/false, today(), comparisons,
/// <c>+</c> on integers, and/or. Unknown names are reported as TEST01 at their column.
/// </summary>
internal sealed class FakeExpressionCompiler : IExpressionCompiler
{
    public List<string> Compiled { get; } = new();

    public TypedExpression? Compile(string text, ScalarPositions positions, ExpressionScope scope, Type? expectedType, DiagnosticBag diagnostics)
    {
        Compiled.Add(text);
        var parser = new Parser(text, positions, scope, diagnostics);
        var body = parser.Parse();
        if (body is null)
        {
            return null;
        }

        if (expectedType is not null && body.Type != expectedType)
        {
            diagnostics.Error("TEST02", positions.Locate(0), $"expected {expectedType.Name}, got {body.Type.Name}", scope.RuleId);
            return null;
        }

        return new TypedExpression(body, parser.Used.Keys.ToArray(), parser.Used.Values.ToArray());
    }

    private sealed class Parser
    {
        private readonly string _text;
        private readonly ScalarPositions _positions;
        private readonly ExpressionScope _scope;
        private readonly DiagnosticBag _diagnostics;
        private int _position;

        public Parser(string text, ScalarPositions positions, ExpressionScope scope, DiagnosticBag diagnostics)
        {
            _text = text;
            _positions = positions;
            _scope = scope;
            _diagnostics = diagnostics;
        }

        public Dictionary<Declaration, ParameterExpression> Used { get; } = new();

        public Expression? Parse()
        {
            var result = Or();
            Skip();
            if (result is not null && _position < _text.Length)
            {
                return Fail($"unexpected '{_text[_position]}'");
            }

            return result;
        }

        private Expression? Or()
        {
            var left = And();
            while (left is not null && Word("or"))
            {
                var right = And();
                left = right is null ? null : Expression.OrElse(left, right);
            }

            return left;
        }

        private Expression? And()
        {
            var left = Comparison();
            while (left is not null && Word("and"))
            {
                var right = Comparison();
                left = right is null ? null : Expression.AndAlso(left, right);
            }

            return left;
        }

        private Expression? Comparison()
        {
            var left = Sum();
            foreach (var op in new[] { "==", "!=", ">=", "<=", ">", "<" })
            {
                if (left is not null && Symbol(op))
                {
                    var right = Sum();
                    if (right is null)
                    {
                        return null;
                    }

                    if (right.Type != left.Type && Nullable.GetUnderlyingType(right.Type) is null)
                    {
                        right = Expression.Convert(right, left.Type);
                    }

                    return op switch
                    {
                        "==" => Expression.Equal(left, right),
                        "!=" => Expression.NotEqual(left, right),
                        ">=" => Expression.GreaterThanOrEqual(left, right),
                        "<=" => Expression.LessThanOrEqual(left, right),
                        ">" => Expression.GreaterThan(left, right),
                        _ => Expression.LessThan(left, right),
                    };
                }
            }

            return left;
        }

        private Expression? Sum()
        {
            var left = Primary();
            while (left is not null && Symbol("+"))
            {
                var right = Primary();
                left = right is null ? null : Expression.Add(left, Expression.Convert(right, left.Type));
            }

            return left;
        }

        private Expression? Primary()
        {
            Skip();
            if (_position >= _text.Length)
            {
                return Fail("unexpected end");
            }

            var c = _text[_position];
            if (c == '\'')
            {
                var end = _text.IndexOf('\'', _position + 1);
                if (end < 0)
                {
                    return Fail("unclosed text");
                }

                var value = _text[(_position + 1)..end];
                _position = end + 1;
                return Expression.Constant(value);
            }

            if (char.IsAsciiDigit(c))
            {
                var start = _position;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                {
                    _position++;
                }

                return Expression.Constant(int.Parse(_text[start.._position], CultureInfo.InvariantCulture));
            }

            if (!char.IsAsciiLetter(c) && c != '_')
            {
                return Fail($"unexpected '{c}'");
            }

            var nameStart = _position;
            var name = Identifier();
            if (name is "true" or "false")
            {
                return Expression.Constant(name == "true");
            }

            Expression current;
            if (name == "today" && Symbol("(") && Symbol(")"))
            {
                current = Expression.Property(Use(_scope.Context), nameof(EvaluationContext.Today));
            }
            else if (_scope.Declarations.TryGetValue(name, out var declaration))
            {
                current = Use(declaration);
            }
            else
            {
                _position = nameStart;
                return Fail($"unknown name '{name}'");
            }

            while (Symbol("."))
            {
                var memberStart = _position;
                var member = Identifier();
                var property = current.Type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null)
                {
                    _position = memberStart;
                    return Fail($"{current.Type.Name} has no '{member}'");
                }

                current = Expression.Property(current, property);
            }

            return current;
        }

        private ParameterExpression Use(Declaration declaration)
        {
            if (!Used.TryGetValue(declaration, out var parameter))
            {
                parameter = Expression.Parameter(declaration.Type, declaration.Name);
                Used.Add(declaration, parameter);
            }

            return parameter;
        }

        private string Identifier()
        {
            Skip();
            var start = _position;
            while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            return _text[start.._position];
        }

        private bool Word(string word)
        {
            Skip();
            if (string.CompareOrdinal(_text, _position, word + " ", 0, word.Length + 1) == 0)
            {
                _position += word.Length;
                return true;
            }

            return false;
        }

        private bool Symbol(string symbol)
        {
            Skip();
            if (string.CompareOrdinal(_text, _position, symbol, 0, symbol.Length) == 0)
            {
                _position += symbol.Length;
                return true;
            }

            return false;
        }

        private void Skip()
        {
            while (_position < _text.Length && _text[_position] == ' ')
            {
                _position++;
            }
        }

        private Expression? Fail(string message)
        {
            _diagnostics.Error("TEST01", _positions.Locate(_position), message, _scope.RuleId);
            return null;
        }
    }
}
