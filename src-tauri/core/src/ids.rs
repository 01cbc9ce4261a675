//! Newtype IDs, so a contact id can never be passed where a group id is expected.
//! They serialise as plain integers (the CLI contract says IDs are integers).

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        pub struct $name(
            // Row ids stay far below 2^53, so a JS number holds them exactly.
            #[cfg_attr(feature = "specta", specta(type = specta_typescript::Number))] pub i64,
        );

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map($name)
            }
        }
    };
}

id_type!(
    /// A contact (a person in the book).
    ContactId
);
id_type!(
    /// A user-defined group.
    GroupId
);
id_type!(
    /// A user-defined custom field.
    FieldId
);
id_type!(
    /// An order (a sale, open deal or cancelled one).
    OrderId
);
