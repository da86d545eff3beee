"""`chat_parse` offline, as the docs promise: the local CoreX answers a pydantic model's schema
(`$defs`, recursion, formats, constraints) with a value that validates into an instance."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from typing import Literal

import pydantic

from tests.adapter import Api

MODEL = "openai/gpt-4o-mini"
HI = [{"role": "user", "content": "hi"}]


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Address(pydantic.BaseModel):
    street: str
    city: str


class Customer(pydantic.BaseModel):
    name: str
    address: Address
    billing: Address | None


class Node(pydantic.BaseModel):
    name: str
    children: list[Node]


class Linked(pydantic.BaseModel):
    value: int
    next: Linked | None


class Order(pydantic.BaseModel):
    id: uuid.UUID
    placed: dt.datetime
    day: dt.date
    at: dt.time
    took: dt.timedelta
    site: pydantic.AnyUrl
    color: Color
    kind: Literal["a", "b"]
    customer: Customer
    lines: list[Address] = pydantic.Field(min_length=2)
    pair: tuple[int, str]
    qty: int = pydantic.Field(ge=5, le=9, multiple_of=3)
    price: float = pydantic.Field(gt=10)
    tags: set[str]
    extra: dict[str, int]
    tree: Node
    chain: Linked


async def test_a_pydantic_model_with_nested_recursive_and_dated_fields_parses(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Order)
    order = completion.choices[0].message.parsed
    assert isinstance(order, Order)
    assert order.placed == dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert (order.day, order.took) == (dt.date(2025, 1, 1), dt.timedelta(seconds=1))
    assert order.customer.address == Address(street="example", city="example")
    assert order.customer.billing is None  # an optional field: the simplest valid value
    assert len(order.lines) == 2
    assert (order.color, order.kind, order.pair, order.qty) == (Color.RED, "a", (1, "example"), 6)
    assert order.price > 10
    assert order.tree == Node(name="example", children=[Node(name="example", children=[])])
    assert order.chain == Linked(value=1, next=None)


@dataclass
class Stop:
    city: str
    nights: int


@dataclass
class Trip:
    stops: list[Stop]
    status: Literal["planned", "done"]
    last: Stop | None


async def test_nested_dataclasses_parse(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Trip)
    stop = Stop(city="example", nights=1)
    assert completion.choices[0].message.parsed == Trip([stop], "planned", None)
