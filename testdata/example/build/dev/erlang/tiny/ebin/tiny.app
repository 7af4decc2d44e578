{application, tiny, [
    {vsn, "0.1.0"},
    {applications, [kernel,stdlib]},
    {description, ""},
    {modules, ['tiny@bit_array','tiny@dict','tiny@float','tiny@int','tiny@io','tiny@list','tiny@option','tiny@order','tiny@process','tiny@result','tiny@string','tiny_ffi']},
    {registered, []}
]}.
