"""The language of a resource's text: script first, then the commonest words, declared kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.catalog.text_language import detect_language

BOILERPLATE = "There are 5 modules in this course"


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (
            f"Introdução à Ciência da Computação {BOILERPLATE}Bem vindo ao curso de Introdução à "
            "Ciência da Computação destinado aos alunos regulares da Universidade de São Paulo e "
            "a todos os demais interessados em aprender não só a programar em Python",
            "en",
            "pt",
        ),
        (
            f"Programación en Python {BOILERPLATE}¡Te damos la bienvenida al curso de "
            "Programación en Python de la Universidad! En este curso aprenderás los conceptos "
            "básicos del lenguaje y cómo usarlo para resolver problemas",
            "en",
            "es",
        ),
        (
            f"Programmation pour tous {BOILERPLATE}Ce cours vise à enseigner à tous les bases "
            "de la programmation informatique avec Python. Nous couvrons les bases de la "
            "construction d'un programme à partir d'une série d'instructions simples",
            "en",
            "fr",
        ),
        (
            "用Python玩转数据 Data Processing Using Python 本课程主要面向非计算机专业的学习者，"
            "介绍如何用Python获取、表示、处理和分析数据",
            "en",
            "zh",
        ),
        ("Python. Базовый курс Вы научитесь писать программы на Python", "en", "ru"),
        # A title alone says too little: the declaration stands.
        ("Python para Ciencia de Datos", "en", "en"),
        ("PHP Pandas", "en", "en"),
        # English text declared Spanish by its file is English.
        (
            "Learn the basics of Python: how to write a program, what a function is and how "
            "you can use the standard library in your own projects",
            "es",
            "en",
        ),
        (f"Python for Everybody {BOILERPLATE}This course aims to teach everyone", "en", "en"),
    ],
)
def test_detects_the_language_only_when_the_text_is_clear(
    text: str, declared: str, expected: str
) -> None:
    assert detect_language(text, declared) == expected


def _reference_language(text: str) -> str:
    """The plain count: Cyrillic letters against all letters."""
    letters = re.findall(r"[^\W\d_]", text)
    cyrillic = re.findall(r"[\u0400-\u04ff]", text)
    return "ru" if letters and len(cyrillic) * 2 > len(letters) else "en"


@settings(deadline=None)  # a loaded machine must not fail a test that checks no timing
@given(st.text(st.sampled_from("абвгд ёжз bcfgh 123_-,.ÄßΩ")))  # no Latin little word
def test_cyrillic_is_counted_like_the_reference(text: str) -> None:
    assert detect_language(text) == _reference_language(text)
