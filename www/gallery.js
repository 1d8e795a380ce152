// Demo gallery: download buttons for each table of the dataset (TipViz.csv).
window.TipViz.ready.then(function (TipViz) {
  var list = document.getElementById("tables");
  TipViz.data().then(function (data) {
    Object.keys(data).filter(function (k) { return Array.isArray(data[k]); }).forEach(function (name) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = name + ".csv (" + data[name].length + " rows)";
      button.addEventListener("click", function () {
        TipViz.csv(name).then(function (text) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
          a.download = "tipviz-" + name + ".csv";
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      });
      var item = document.createElement("li");
      item.appendChild(button);
      list.appendChild(item);
    });
  });
});
