"""The shape of the read models, as one number.

The read models are derived from the events by the code that reads them. When that code
changes what it derives (its tables, or the events it folds, once an upcaster gives old events
a new shape), rows written by the earlier code no longer mean what the queries take them to
mean. Each read model records the number it was built with; a store whose read model was built
with another number is rebuilt from the events when it is opened.

Bump it with any change to the read model's tables or to what an event contributes to them.
"""

READ_MODEL_VERSION = 4  # 4: the fields each event set (ropa_event_fields)
