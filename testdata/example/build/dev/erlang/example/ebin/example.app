{application, example, [
    {vsn, "1.0.0"},
    {applications, [kernel,stdlib,tiny]},
    {description, ""},
    {modules, ['example']},
    {registered, []}
]}.
